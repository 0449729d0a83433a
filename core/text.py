"""Name normalisation shared by parsers, search and slugs. Plain Python, no Django."""

import re
import unicodedata

# Month names and their usual abbreviations in English and German, as people write them
# (with and without umlauts): the one table the document parser and the admin's date
# field read.
MONTH_SPELLINGS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar jänner janner",
            "february feb februar feber",
            "march mar märz marz maerz mrz",
            "april apr",
            "may mai",
            "june jun juni",
            "july jul juli",
            "august aug",
            "september sep sept",
            "october oct oktober okt",
            "november nov",
            "december dec dezember dez",
        ),
        start=1,
    )
    for name in names.split()
}


# Letters that NFKD does not decompose into a base letter plus a combining mark.
_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "–": "-",
        "—": "-",
    }
)


def fold(text: str) -> str:
    """Strip accents and fold special letters: 'Jiří Ødegaard' -> 'Jiri Odegaard'.

    Characters with no Latin base (CJK, Cyrillic...) are kept as they are.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """Lower-case, accent-free, single-spaced form used for matching and search."""
    folded = fold(text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def slugify_name(text: str, fallback: str = "item") -> str:
    """Readable ASCII slug where the name allows, a Unicode slug otherwise, never empty."""
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    if ascii_slug and fold(text).isascii():
        return ascii_slug[:80].strip("-")
    unicode_slug = re.sub(r"[^\w]+", "-", normalize(text), flags=re.UNICODE).strip("-_")
    return (unicode_slug or ascii_slug or fallback)[:80].strip("-")


def word_changes(before: str, after: str, context: int = 8) -> list[tuple[str, str]]:
    """What changed between two texts, word by word: ("=", kept words), ("-", removed),
    ("+", added); long runs of kept words shortened to `context` words either side
    ("…"). For showing an edit of a long text without printing both texts in full."""
    from difflib import SequenceMatcher

    a, b = before.split(), after.split()
    parts: list[tuple[str, str]] = []
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            if len(words) > 2 * context or ((first or last) and len(words) > context):
                head = [] if first else words[:context]
                tail = [] if last else words[-context:]
                words = [*head, "…", *tail]
            parts.append(("=", " ".join(words)))
            continue
        if i2 > i1:
            parts.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("+", " ".join(b[j1:j2])))
    return parts
