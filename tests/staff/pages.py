"""What a person reads on a page: its text without tags, whitespace collapsed."""

import html
import re


def text(response) -> str:
    page = response.content.decode()
    main = page[page.find('id="content"') :] if 'id="content"' in page else page
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())
