"""The OpenAPI schema says what every endpoint answers: each format, and each refusal."""

import uritemplate
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import SAFE_METHODS

LINK = {"type": "string", "format": "uri", "nullable": True}
SCHEMAS = {
    "Error": {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "ValidationErrors": {
        "type": "object",
        "description": (
            "Messages per field (per item for a list); `non_field_errors` for the record as a "
            "whole, or a filter's name for a refused filter value."
        ),
        "properties": {
            "detail": {"type": "string", "description": "A request that could not be read."}
        },
        "additionalProperties": {
            "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object"}]
        },
    },
    "GeoJSONFeature": {
        "type": "object",
        "required": ["type", "geometry", "properties"],
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": {"type": "integer"},
            "geometry": {
                "type": "object",
                "nullable": True,
                "properties": {
                    "type": {"type": "string", "enum": ["Point"]},
                    "coordinates": {
                        "type": "array",
                        "items": {"type": "number"},
                        "minItems": 2,
                        "maxItems": 2,
                        "description": "Longitude, latitude.",
                    },
                },
            },
            "properties": {"type": "object", "description": "The record, as in JSON."},
        },
    },
}
SCHEMAS["GeoJSONFeatureCollection"] = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": {"$ref": "#/components/schemas/GeoJSONFeature"}},
        "next": LINK,
        "previous": LINK,
    },
}

ERRORS = {
    "400": (
        "The request was refused: the messages say why, per field or filter.",
        "ValidationErrors",
    ),
    "401": ("No credentials, or a token that is unknown, expired or revoked.", "Error"),
    "403": ("The credentials lack the permission.", "Error"),
    "404": ("No such record.", "Error"),
    "409": ("Other records refer to this one; it cannot be deleted.", "Error"),
    "412": (
        "If-Match named an older version: the record changed since it was read. Fetch it "
        "again (its ETag header is its version) and retry with the new ETag.",
        "Error",
    ),
    "429": ("Too many anonymous requests; wait as Retry-After says.", "Error"),
}
# Refused by gunicorn before the API sees it (gunicorn.conf.py, limit_request_line), as HTML.
TOO_LONG = "414"


TOO_LONG_RESPONSE = {
    "content": {"text/html": {"schema": {"type": "string"}}},
    "description": "The address is longer than the server takes (8,190 bytes): send fewer "
    "values, or split the request.",
}


class ApiSchema(AutoSchema):
    def ref(self, name: str) -> dict:
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, schema=SCHEMAS[name], object=name
        )
        self.registry.register_on_missing(component)
        return component.ref

    def get_auth(self):
        # Anyone reads: a read lists no security requirement, so the docs draw no lock on it
        # and send no credentials with it.
        if self.method in SAFE_METHODS:
            return []
        return super().get_auth()

    def _get_filter_parameters(self):
        parameters = super()._get_filter_parameters()
        for parameter in parameters:
            # An empty filter is no filter, as in a form. A comma list of strings needs no
            # saying so (an empty value is already one), and saying it makes schema checkers
            # read the list as a choice of the empty value.
            schema = parameter.get("schema", {})
            if schema.get("type") != "array" or schema.get("items", {}).get("type") != "string":
                parameter["allowEmptyValue"] = True
        return parameters

    def error_codes(self) -> list[str]:
        detail = bool(uritemplate.variables(self.path))
        codes = {
            "GET": ["400", "404"] if detail else ["400"],
            "POST": ["400", "401", "403"],
            "PUT": ["400", "401", "403", "404", "412"],
            "PATCH": ["400", "401", "403", "404", "412"],
            "DELETE": ["400", "401", "403", "404", "412", "409"],
        }.get(self.method, [])
        return [*codes, "429", TOO_LONG]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self.error_codes():
            if code == TOO_LONG:
                responses.setdefault(code, TOO_LONG_RESPONSE)
                continue
            description, schema = ERRORS[code]
            responses.setdefault(
                code,
                {
                    "content": {"application/json": {"schema": self.ref(schema)}},
                    "description": description,
                },
            )
        return responses

    def _get_response_for_code(
        self, serializer, status_code, media_types=None, direction="response"
    ):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        content = response.get("content", {})
        if "text/csv" in content:
            content["text/csv"] = {
                "schema": {
                    "type": "string",
                    "description": "One row per record, nested fields as `county.slug` columns.",
                }
            }
        if "application/geo+json" in content:
            name = "GeoJSONFeatureCollection" if self._is_list_view() else "GeoJSONFeature"
            content["application/geo+json"] = {"schema": self.ref(name)}
        return response


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <secret>`, with a token created in the admin.",
        }
