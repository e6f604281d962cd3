"""JSON bodies, refused with a 400 that says why when nested deeper than any record needs.

A deeply nested body (a 2 KB one can nest 950 arrays) would exhaust Python's recursion while
it is parsed, validated or rendered back in an error. Its depth is measured on the raw text
first, with the string literals taken out, so nothing deep is ever built.
"""

import io
import re

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# Records nest a list of names in a field at most; this leaves room for any client's shape.
MAX_JSON_DEPTH = 32
STRING_LITERAL = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(body: bytes) -> int:
    depth = deepest = 0
    for bracket in BRACKET.findall(STRING_LITERAL.sub(b"", body)):
        depth += 1 if bracket in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read() if stream is not None else b""
        if json_depth(body) > MAX_JSON_DEPTH:
            raise ParseError(
                f"JSON parse error - the body nests objects or lists more than "
                f"{MAX_JSON_DEPTH} levels deep. Nothing was saved; send a flatter body."
            )
        return super().parse(io.BytesIO(body), media_type, parser_context)

