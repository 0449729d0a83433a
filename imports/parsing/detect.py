"""Which kind of document a text is, from its shape alone."""

from __future__ import annotations

import re

from .documents import DocumentKind
from .interview import _BYLINE_RE, _PREFIX_RE, is_timestamp, split_credit


def detect_kind(text: str) -> DocumentKind | None:
    """'biography', 'web_interview', 'outlet_interview', or None when no shape fits."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    head = lines[:60]
    biography = 0
    if re.match(r"^=\s*[^=].*=$", lines[0]):
        biography += 2
    biography += min(3, sum(bool(re.match(r"^={2,6}[^=].*={2,6}$", s)) for s in lines))
    biography += min(2, sum(line.startswith("|") and line.count("|") >= 4 for line in lines) // 3)
    biography += min(2, sum(bool(re.match(r"^[-*•]\s*[^:|]{1,40}:\s*\S", s)) for s in head) // 2)

    prefixed = [m for s in lines if (m := _PREFIX_RE.match(s))]
    quoted_answers = sum(m.group("text")[:1] in '"“„»' for m in prefixed)
    plain_turns = len(prefixed) - quoted_answers
    byline = bool(_BYLINE_RE.match(lines[0])) or (
        len(lines) > 1 and bool(_BYLINE_RE.match(lines[1]))
    )
    furniture = sum(is_timestamp(s) for s in head) + sum(split_credit(s) is not None for s in lines)

    outlet = (3 if byline else 0) + (2 if plain_turns >= 4 else 0)
    web = (2 if quoted_answers >= 3 else 0) + min(3, furniture)

    scores = {"biography": biography, "outlet_interview": outlet, "web_interview": web}
    kind, best = max(scores.items(), key=lambda item: item[1])
    return kind if best >= 3 else None  # type: ignore[return-value]
