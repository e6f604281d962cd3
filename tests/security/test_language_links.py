"""The language links (and any link built from the address asked for) stay on this site: a
path such as `//evil.example/` is a 404 whose links lead home, never to another host."""

import re

import pytest

# As a WSGI server hands them on, decoded: `/%2F%2Fevil.example/` arrives as `///evil.example/`.
HOSTILE_PATHS = [
    "//evil.example/",
    "///evil.example/",
    "//evil.example",
    "//evil.example/counties/",
    "/\\evil.example/",
    "/\\\\evil.example/",
    "\\\\evil.example/",
    "/ko//evil.example/",
    "/ko///evil.example/",
    "/ko/\\evil.example/",
    "//evil.example/ko/",
]


def language_links(html: str) -> list[str]:
    return re.findall(r'<a class="language-switch" href="([^"]*)"', html)


def on_this_site(href: str) -> bool:
    return href.startswith("/") and href[1:2] not in ("/", "\\") and "evil" not in href


@pytest.mark.parametrize("path", HOSTILE_PATHS)
@pytest.mark.parametrize("accept", ["en", "ko"])
def test_a_hostile_path_links_home_in_the_other_language(db, client, path, accept):
    response = client.get("/", PATH_INFO=path, HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code in (301, 302, 404)
    html = response.content.decode()
    if response.status_code == 404:
        links = language_links(html)
        assert links
        assert all(on_this_site(href) for href in links), links
        assert set(links) <= {"/", "/ko/"}
    else:
        assert on_this_site(response["Location"]), response["Location"]
    assert "evil.example" not in " ".join(re.findall(r'href="([^"]*)"', html))


@pytest.mark.parametrize(
    ("path", "query", "english", "korean"),
    [
        ("/counties/", "q=songchon&kind=county", "/counties/", "/ko/counties/"),
        ("/ko/events/", "year=2024", "/events/", "/ko/events/"),
        ("/counties/nowhere/", "", "/counties/nowhere/", "/ko/counties/nowhere/"),
        ("/ko/search/", "q=%EC%84%B1%EC%B2%9C", "/search/", "/ko/search/"),
    ],
)
def test_a_page_links_to_itself_in_the_other_language(db, client, path, query, english, korean):
    response = client.get(f"{path}?{query}" if query else path)
    [link] = language_links(response.content.decode())
    expected = korean if not path.startswith("/ko/") else english
    assert link == (f"{expected}?{query.replace('&', '&amp;')}" if query else expected)
