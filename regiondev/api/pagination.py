"""Keyset pagination: every page, the 500th as the first, costs one indexed range query.

A page ends with the values of its last row in the list's order (the `ordering` filter, or
the view's default), with the id appended when no field in the order is unique. The next
page asks for rows beyond those values, so the database seeks with an index instead of
counting past every earlier row as OFFSET does. The position travels in a signed, opaque
`cursor`; clients follow the `next` and `previous` links (also sent as a `Link` header, so
CSV clients can follow them). There is no total count: counting every match on each page is
what makes deep pages slow.

NULL sorts as the largest value on every database (after all values ascending, before them
descending), so the same cursor means the same thing on SQLite and PostgreSQL.
"""

from django.core import signing
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

CURSOR_SALT = "regiondev.api.cursor"


class KeysetPagination(BasePagination):
    page_size = 50
    max_page_size = 500
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = self.get_page_size(request)
        self.ordering = self.get_ordering(queryset)
        position, backwards = self.decode_cursor(request)

        queryset = queryset.order_by(*self.order_by(backwards))
        if position is not None:
            queryset = queryset.filter(self.beyond(position, backwards))
        rows = list(queryset[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()

        self.next_position = self.previous_position = None
        if rows:
            has_next = position is not None if backwards else more
            has_previous = more if backwards else position is not None
            if has_next:
                self.next_position = self.position_of(rows[-1])
            if has_previous:
                self.previous_position = self.position_of(rows[0])
        return rows

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return min(size, self.max_page_size)

    # The order: a list of (field, descending), made total by the id.

    def get_ordering(self, queryset) -> list[tuple[str, bool]]:
        opts = queryset.model._meta
        names = list(queryset.query.order_by) or list(opts.ordering) or ["pk"]
        ordering = []
        for name in names:
            descending = name.startswith("-")
            field = opts.pk if name.lstrip("-") == "pk" else opts.get_field(name.lstrip("-"))
            ordering.append((field, descending))
        if not any(field.unique for field, _ in ordering):
            ordering.append((opts.pk, ordering[-1][1]))
        return ordering

    def order_by(self, backwards: bool):
        expressions = []
        for field, descending in self.ordering:
            descending = descending != backwards
            column = F(field.attname)
            expressions.append(
                column.desc(nulls_first=True) if descending else column.asc(nulls_last=True)
            )
        return expressions

    def beyond(self, position: list, backwards: bool) -> Q:
        """Rows after `position` in the order (before it, walking backwards)."""
        alternatives = []
        same_so_far = Q()
        for (field, descending), value in zip(self.ordering, position, strict=True):
            name = field.attname
            descending = descending != backwards
            if value is None:
                if descending:  # NULLs come first: every value comes after them
                    alternatives.append(same_so_far & Q(**{f"{name}__isnull": False}))
                same_so_far &= Q(**{f"{name}__isnull": True})
                continue
            later = Q(**{f"{name}__lt" if descending else f"{name}__gt": value})
            if field.null and not descending:
                later |= Q(**{f"{name}__isnull": True})
            alternatives.append(same_so_far & later)
            same_so_far &= Q(**{name: value})
        condition = Q(pk__in=[])  # the last row of the whole order: nothing after it
        for alternative in alternatives:
            condition |= alternative
        return self.leading_bound(position, backwards) & condition

    def leading_bound(self, position: list, backwards: bool) -> Q:
        """A redundant bound on the first field, so the database can seek along its index."""
        (field, descending), value = self.ordering[0], position[0]
        descending = descending != backwards
        name = field.attname
        if value is None:
            return Q() if descending else Q(**{f"{name}__isnull": True})
        bound = Q(**{f"{name}__lte" if descending else f"{name}__gte": value})
        if field.null and not descending:
            bound |= Q(**{f"{name}__isnull": True})
        return bound

    # The cursor: the position's values, signed so a client cannot forge a query from it.

    def position_of(self, row) -> list:
        return [
            None if getattr(row, field.attname) is None else field.value_to_string(row)
            for field, _ in self.ordering
        ]

    def ordering_names(self) -> list[str]:
        return [("-" if descending else "") + field.name for field, descending in self.ordering]

    def encode_cursor(self, position: list, backwards: bool) -> str:
        # The list's path too: a cursor means nothing on another endpoint.
        payload = {
            "o": self.ordering_names(),
            "p": position,
            "b": backwards,
            "e": self.request.path,
        }
        return signing.dumps(payload, salt=CURSOR_SALT)

    def decode_cursor(self, request):
        raw = request.query_params.get(self.cursor_query_param)
        if not raw:  # absent or empty: the first page
            return None, False
        error = ValidationError({self.cursor_query_param: ["This cursor is not valid."]})
        try:
            payload = signing.loads(raw, salt=CURSOR_SALT)
        except signing.BadSignature:
            raise error from None
        if payload.get("e") != request.path:
            raise ValidationError(
                {self.cursor_query_param: ["This cursor belongs to another list."]}
            )
        if payload["o"] != self.ordering_names():
            raise ValidationError(
                {self.cursor_query_param: ["This cursor belongs to another ordering."]}
            )
        try:
            position = [
                None if value is None else field.to_python(value)
                for (field, _), value in zip(self.ordering, payload["p"], strict=True)
            ]
        except (DjangoValidationError, ValueError):
            raise error from None
        return position, payload["b"]

    def link(self, position, backwards: bool):
        if position is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(
            url, self.cursor_query_param, self.encode_cursor(position, backwards)
        )

    def get_next_link(self):
        return self.link(self.next_position, backwards=False)

    def get_previous_link(self):
        return self.link(self.previous_position, backwards=True)

    def get_paginated_response(self, data):
        next_link, previous_link = self.get_next_link(), self.get_previous_link()
        links = [
            f'<{url}>; rel="{rel}"'
            for url, rel in ((next_link, "next"), (previous_link, "prev"))
            if url
        ]
        headers = {"Link": ", ".join(links)} if links else {}
        return Response(
            {"next": next_link, "previous": previous_link, "results": data}, headers=headers
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page, or null on the last."},
                "previous": {**link, "description": "The previous page, or null on the first."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The page to show, as given in a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": (
                    f"Rows per page, {self.page_size} by default; a number above "
                    f"{self.max_page_size} gives {self.max_page_size}."
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
        ]
