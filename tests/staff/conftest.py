import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def member_of(group_name: str):
    user = get_user_model().objects.create_user(
        group_name, f"{group_name}@example.org", f"pw-{group_name}-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member_of("editor")


@pytest.fixture
def reviewer(db):
    return member_of("reviewer")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def token_client_for(user):
    from rest_framework.test import APIClient

    from accounts.models import ApiToken

    _, secret = ApiToken.issue(user, f"{user.username}'s token")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


@pytest.fixture
def editor_token(editor):
    return token_client_for(editor)


@pytest.fixture
def reviewer_token(reviewer):
    return token_client_for(reviewer)
