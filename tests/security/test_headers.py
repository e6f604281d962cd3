"""Every response carries the hardening headers: public pages, the admin and the API alike."""

import pytest
from django.urls import reverse


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def assert_hardened(response):
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    directives = policy(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"][0] == "'self'"
    assert directives["style-src"][0] == "'self'"
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_a_public_page_is_hardened(client):
    response = client.get(reverse("sites:home"), secure=True)
    assert response.status_code == 200
    assert_hardened(response)


@pytest.mark.django_db
def test_the_admin_login_is_hardened(client):
    response = client.get(reverse("admin:login"), secure=True)
    assert response.status_code == 200
    assert_hardened(response)


def test_an_admin_page_is_hardened(staff_client):
    response = staff_client.get(reverse("admin:index"), secure=True)
    assert response.status_code == 200
    assert_hardened(response)


@pytest.mark.django_db
def test_an_api_response_is_hardened(client):
    response = client.get("/api/counties/", secure=True, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert_hardened(response)


@pytest.mark.django_db
def test_a_nonce_used_by_a_page_is_in_its_policy(rf):
    """A template that prints request.csp_nonce gets the same nonce allowed by the header."""
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    middleware = CSPMiddleware(view)
    request = rf.get("/")
    response = middleware(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in policy(response)["script-src"]


def test_the_api_docs_style_carries_the_nonce_of_its_policy(client, db):
    response = client.get("/api/docs/", secure=True)
    assert response.status_code == 200
    page = response.content.decode()
    nonce = page.split('<style nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in policy(response)["style-src"]
    assert "<script>" not in page  # its script is served from its own URL
