"""What a Korean reader sees of a page, and the English words of the site's own that must not
be in it: the vocabulary comes from the catalogue's msgids and the choices' English labels,
so a string added to the site joins it without a hand list."""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import translation

from events import choices as event_choices
from sites import choices as site_choices

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ko" / "LC_MESSAGES" / "django.mo"
# Read aloud or shown on hover: a screen reader's page is part of the page.
SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
# Allowed English: quotes, and titles, publishers and words kept as published (translate="no").
KEPT_AS_WRITTEN = {"q", "blockquote"}
SKIPPED = {"script", "style", "template"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
HANGUL = "\uac00-\ud7a3"
# A romanisation in parentheses beside hangul: "성천군 (Songchon)".
BESIDE_HANGUL = re.compile(rf"([{HANGUL}])\s*\(([^()]*)\)")
ADDRESS = re.compile(r"\S*(?:://|/|@)\S*|\S*\.(?:csv|atom|ics|json|pdf|zip|cff|org)\b")
WORD = re.compile(r"[A-Za-z]+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|<[^>]+>")


def site_vocabulary() -> set[str]:
    """Every lower-case English word of three letters or more that the site itself writes."""
    with CATALOGUE.open("rb") as file:
        msgids = list(gettext.GNUTranslations(file)._catalog)
    texts = []
    for msgid in msgids:
        for text in msgid if isinstance(msgid, tuple) else (msgid,):
            if isinstance(text, str):
                texts.append(text.split("\x04")[-1])
    with translation.override("en"):
        for module in (site_choices, event_choices):
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, models.Choices):
                    texts.extend(str(label) for label in value.labels)
    words = set()
    for text in texts:
        text = ADDRESS.sub(" ", PLACEHOLDER.sub(" ", text))
        words.update(w for w in WORD.findall(text) if w.islower())
    return {word for word in words if len(word) >= 3}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, hidden)
        self.parts = []

    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = (
            self.hidden()
            or tag in SKIPPED
            or tag in KEPT_AS_WRITTEN
            or attrs.get("translate") == "no"
        )
        if not hidden:
            if tag == "meta" and attrs.get("name") == "description":
                self.parts.append(attrs.get("content") or "")
            self.parts.extend(attrs[name] or "" for name in SPOKEN_ATTRIBUTES if name in attrs)
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.hidden():
            self.parts.append(data)


def seen_text(html: str) -> str:
    """The words of the page a reader sees or hears, quotes and published titles left out."""
    reader = _Reader()
    reader.feed(html)
    text = " ".join(reader.parts)
    return re.sub(r"\s+", " ", ADDRESS.sub(" ", text))


def english_words(text: str, vocabulary: set[str]) -> set[str]:
    """The site's own English words in `text`, romanisations beside hangul included (a
    "(Songchon County)" is still English)."""
    return {
        word for word in WORD.findall(text) if word.lower() in vocabulary and not word.isupper()
    }


def english_names(text: str, names: set[str], published=()) -> set[str]:
    """Records' English names in `text` outside parentheses beside hangul and outside the
    `published` titles."""
    outside = BESIDE_HANGUL.sub(r"\1", text)
    for title in published:
        outside = outside.replace(title, " ")
    return {name for name in names if re.search(rf"\b{re.escape(name)}\b", outside)}
