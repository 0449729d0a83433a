"""Page furniture and photo credits around an interview, recognised by their shape.

Furniture is everything a web page prints that is not the interview: time stamps of other
stories, share links, section labels, advertisement markers, breadcrumbs, reading times,
login and cookie prompts, outage banners. None of it is matched by a known page's exact text.
"""

from __future__ import annotations

import re

from core.text import normalize

# A time stamp of a related story: '13/12 2:30 PM', '2 hours ago', 'gestern 18:05'.
TIMESTAMP_RE = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{2}-\d{2}|today|yesterday|heute|gestern)?"
    r"[\s,]*(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?|\d+\s*(?:min|mins|minutes|hours?|h|"
    r"days?)\s*ago)?\s*$",
    re.I,
)
# A digit, to tell a time stamp from an empty line.
DIGIT_RE = re.compile(r"\d")
# A lone lower-case section label: 'bundesliga', 'j1 league', 'x' (a close button).
SECTION_LABEL_RE = re.compile(r"[a-z0-9][a-z0-9.&' -]{0,30}")
# A lone rubric word over the headline: 'Interview', 'Exklusiv', 'Q&A'.
RUBRIC_RE = re.compile(r"(?i:interview|exklusiv|exclusive|news|q&a|im gespräch|nachrichten)")
# Reading time: '| Lesedauer: 6 Minuten', 'Reading time: 4 min', '5 min read'.
READING_TIME_RE = re.compile(
    r"^\|? ?(?:(?i:lesedauer|lesezeit|reading time)\b.{0,20}|\d{1,2} ?(?i:min) read)$"
)
# A glued breadcrumb: 'HomeEnglandWest Ham United', 'Home > News > Interviews'.
GLUED_BREADCRUMB_RE = re.compile(r"^(?:Home|Startseite)(?:[A-Z]| ?[>/›»|])")
# A numbered breadcrumb item: '1. Home', '2. Welt Print'.
BREADCRUMB_ITEM_RE = re.compile(r"^(?P<number>\d{1,2})\. (?P<item>\S.*)$")
# A login, membership, subscription or cookie prompt: 'Noch kein Mitglied?', 'Jetzt Mitglied
# werden »', 'Login', 'Subscribe now', 'Accept cookies'.
PROMPT_RE = re.compile(
    r"\b(?i:log ?in|log ?out|anmelden|einloggen|abmelden|sign (?:in|up)|registrieren|register"
    r"|mitglied(?:er|schaft)?|member(?:ship)?|subscribe|abonnieren|abo|newsletter|cookies?"
    r"|datenschutzeinstellungen|privacy settings)\b"
)
# An outage banner or a notice about the page itself: 'We’re sorry, this feature is currently
# unavailable.', 'This was published 10 years ago', 'Dieser Artikel ist älter als 2 Jahre'.
NOTICE_RE = re.compile(
    r"(?i:currently unavailable|temporarily unavailable|try again later|später erneut"
    r"|nicht verfügbar|this (?:article )?was published \d+ (?:years?|months?) ago"
    r"|dieser artikel (?:ist|wurde) .{0,30}(?:alt|veröffentlicht))"
)
# A page or forum widget label on its own line: 'Related News', 'Load more', 'Read more',
# 'Jump to content', 'Recommended Posts', 'Link to comment', 'Share on other sites',
# 'Join the conversation', 'Reply to this topic...', 'Mehr zum Thema', 'Weiterlesen'.
WIDGET_RE = re.compile(
    r"(?i:related (?:news|stories|articles|posts)|read more|load more|more news|see also"
    r"|jump to content|skip to (?:main )?content|recommended posts|link to comment"
    r"|share on other sites|join the conversation|reply to this topic|mehr zum thema"
    r"|weiterlesen|weitere news|das könnte dich auch interessieren)[.…]{0,3}"
)
SHARE_WORDS = (
    "whatsapp", "facebook", "twitter", "linkedin", "mail", "copy", "link", "share", "telegram",
    "reddit", "pinterest", "messenger", "print", "teilen", "flipboard", "xing", "bluesky",
)  # fmt: skip
AD_MARKERS = frozenset(
    {"advertisement", "anzeige", "werbung", "sponsored", "ad", "promoted", "adverts"}
)

# --- photo credits ------------------------------------------------------------------------

# A caption with its credit after a dash: 'Backhaus is a product … - IMAGO/kolbert-press'.
DASH_CREDIT_RE = re.compile(
    r"^(?P<caption>.{8,}?)\s[-–—|]\s(?P<credit>(?:©|\(c\)|Foto:|Photo:)?\s?\S.{1,90})$"
)
# A credit in brackets after the caption: 'Diego erlebt … (Foto: W.DE).', '… (photo: AFP)'.
BRACKET_CREDIT_RE = re.compile(
    r"^(?P<caption>.{8,}?) ?\((?i:fotos?|photos?|bild|credit|image|©) ?:? ?"
    r"(?P<credit>[^()]{2,60})\)\.?$"
)
# A credit glued to the caption: 'Matt McKay in action for the Socceroos.Credit: Michael Dodge'.
GLUED_CREDIT_RE = re.compile(
    r"^(?P<caption>.{8,}?[.!?])(?:Credit|Photo|Foto|Picture|Bild) ?: ?(?P<credit>\S.{1,60})$"
)
# A bare credit line: '© imago images', 'Foto: dpa', 'Geoff Burke-USA TODAY Sports',
# 'Getty Images/Lukas Schulze'.
BARE_CREDIT_RE = re.compile(
    r"^(?:(?:©|\(c\)|(?i:fotos?|photos?|credit|bild) ?:) ?\S.{1,60}"
    r"|[A-Z][\w'’.]+(?: [A-Z][\w'’.]+){0,2} ?[-/] ?[A-Z][\w&.]+(?: [A-Z][\w&.]+){0,3})$"
)
# Two upper-case letters in a row, the mark of an agency: 'USA', 'AFP', 'IMAGO', 'DFL'.
CAPITALS_RE = re.compile(r"[A-Z]{2,}")
# An agency's name at the start of a credit: 'Getty Images', 'imago', 'dpa', 'AFP'.
AGENCY_START_RE = re.compile(r"^(?i:\(c\)|foto|photo|getty|imago|dpa|afp|reuters|ap\b|sid\b)")


def is_timestamp(text: str) -> bool:
    return bool(DIGIT_RE.search(text)) and bool(TIMESTAMP_RE.match(text))


def is_share_junk(text: str) -> bool:
    """'xwhatsappmailcopy-link', 'facebooktwitterlinkedinemail'."""
    if " " in text.strip() or len(text) > 80:
        return False
    lowered = text.lower()
    return sum(word in lowered for word in SHARE_WORDS) >= 2


def is_section_label(text: str) -> bool:
    """A lone lower-case section label ('bundesliga', 'x') or an advertisement marker."""
    stripped = text.strip()
    if normalize(stripped) in AD_MARKERS:
        return True
    return bool(SECTION_LABEL_RE.fullmatch(stripped)) and len(stripped.split()) <= 3


def is_ad_marker(text: str) -> bool:
    return normalize(text.strip()) in AD_MARKERS


def is_rubric(text: str) -> bool:
    return bool(RUBRIC_RE.fullmatch(text.strip()))


def is_prompt(text: str) -> bool:
    """A short login, membership or cookie prompt; a question about them is longer."""
    return len(text) <= 60 and bool(PROMPT_RE.search(text))


def is_page_notice(text: str) -> bool:
    return len(text) <= 200 and bool(NOTICE_RE.search(text))


def is_reading_time(text: str) -> bool:
    return bool(READING_TIME_RE.match(text.strip()))


def is_glued_breadcrumb(text: str) -> bool:
    return len(text) <= 120 and bool(GLUED_BREADCRUMB_RE.match(text))


def is_widget_label(text: str) -> bool:
    """'Related News', 'Load more', 'Reply to this topic...': the whole line, nothing else."""
    return bool(WIDGET_RE.fullmatch(text.strip()))


def is_furniture(text: str) -> bool:
    """Furniture anywhere on the page."""
    return (
        is_timestamp(text)
        or is_widget_label(text)
        or is_share_junk(text)
        or is_ad_marker(text)
        or is_reading_time(text)
        or is_page_notice(text)
    )


def is_nav_item(text: str) -> bool:
    """A navigation menu item: '• Darts', '• Alle Sportarten' (a bullet and a few words)."""
    stripped = text.strip()
    return stripped[:1] in "•·▸›" and 1 <= len(stripped[1:].split()) <= 3


def is_head_furniture(text: str) -> bool:
    """Furniture above the interview, where a short line is never a turn."""
    return (
        is_section_label(text)
        or is_rubric(text)
        or is_prompt(text)
        or is_glued_breadcrumb(text)
        or is_nav_item(text)
    )


def breadcrumb_items(texts: list[str]) -> list[str]:
    """The items of a numbered breadcrumb opening the page: ['Home', 'Welt Print', …]."""
    items: list[str] = []
    for text in texts:
        m = BREADCRUMB_ITEM_RE.match(text)
        if not m or int(m["number"]) != len(items) + 1:
            break
        items.append(m["item"].strip())
    return items if len(items) >= 2 else []


def _agency_like(credit: str) -> bool:
    return (
        "©" in credit
        or "/" in credit
        or bool(AGENCY_START_RE.match(credit))
        or bool(CAPITALS_RE.match(credit))
    )


def split_credit(text: str) -> tuple[str, str] | None:
    """'Caption. - © Agency/Photographer' -> (caption, credit); None if the line is not one."""
    stripped = text.strip()
    if m := BRACKET_CREDIT_RE.match(stripped):
        return m["caption"].strip(), m["credit"].strip()
    if m := GLUED_CREDIT_RE.match(stripped):
        return m["caption"].strip(), m["credit"].strip()
    m = DASH_CREDIT_RE.match(stripped)
    if not m:
        return None
    caption, credit = m["caption"].strip(), m["credit"].strip()
    if any(q in credit for q in '"“”„') or len(credit.split()) > 10:
        return None
    if credit.endswith(("?", "!")) or not _agency_like(credit):
        return None
    return caption, credit.removeprefix("©").strip()


def bare_credit(text: str) -> str | None:
    """A credit line without a caption: 'Geoff Burke-USA TODAY Sports', 'Foto: imago'."""
    stripped = text.strip()
    if len(stripped) > 70 or stripped.endswith((".", "?", "!", ":")):
        return None
    if not BARE_CREDIT_RE.match(stripped) or not _agency_like(stripped.split("-")[-1].strip()):
        return None
    for prefix in ("©", "(c)"):
        stripped = stripped.removeprefix(prefix).strip()
    return stripped
