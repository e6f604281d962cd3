"""`{% data_as_of %}`: how current the record is, said on the home page, /method/ and beside
every page's downloads (events/freshness.py reads it once per generation of the data)."""

from django import template

from events.freshness import data_as_of as read_as_of

register = template.Library()


@register.inclusion_tag("includes/data_as_of.html")
def data_as_of():
    return {"as_of": read_as_of()}
