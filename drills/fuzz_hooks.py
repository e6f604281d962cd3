"""The fuzz drill's own strategies, on top of what schemathesis draws from the schema: a `q`
and the slugs in paths are also drawn from punctuation, symbols, blanks, marks, and letters
and digits of every script, alone or mixed, where most searches normalise to nothing and a
slug names nothing. Loaded through SCHEMATHESIS_HOOKS by drills/fuzz.py."""

import schemathesis
from hypothesis import strategies as st

# Every category but the control, format, surrogate and private-use ones (C*), which a URL
# cannot carry as text.
_CATEGORIES = ["P", "S", "Z", "M", "L", "N"]
NOTHING_TO_SEARCH = st.text(st.characters(categories=["P", "S", "Zs"]), min_size=1, max_size=8)
MIXED = st.text(st.characters(categories=_CATEGORIES), min_size=1, max_size=16)
HOSTILE_TEXT = st.one_of(NOTHING_TO_SEARCH, MIXED)


def _names(parameters) -> set[str]:
    return {parameter.name for parameter in parameters}


def _replaced(values, names: set[str]):
    """The drawn values, with those of `names` sometimes drawn from HOSTILE_TEXT instead."""
    values = dict(values or {})
    if not names:
        return st.just(values)
    return st.fixed_dictionaries({name: st.one_of(st.none(), HOSTILE_TEXT) for name in names}).map(
        lambda drawn: {**values, **{name: text for name, text in drawn.items() if text}}
    )


@schemathesis.hook
def flatmap_query(ctx, query):
    names = _names(ctx.operation.query) & {"q"} if ctx.operation else set()
    return _replaced(query, names)


@schemathesis.hook
def flatmap_path_parameters(ctx, path_parameters):
    names = {name for name in _names(ctx.operation.path_parameters) if "slug" in name}
    return _replaced(path_parameters, names)
