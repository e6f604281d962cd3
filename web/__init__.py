"""The public site and the map of addresses, above every app.

`web.urls` is ROOT_URLCONF: it composes the admin, staff's intake and jobs, the API
(`web.api_urls`, each app's own `api/urls.py`) and the public pages. It lives here, not in the
ground (`regiondev/`), because composing the apps means importing them, and the ground imports
none. The public pages of places (`web.views`) show each place with its events, so they sit
above both apps; their URL names keep the `sites:` namespace.
"""
