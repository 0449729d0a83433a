"""Club career from prose: youth clubs, moves, loans (with owner and season), contracts.

Dates are taken from the clause that states the move, never from a 'Born in … in 1954'
phrase or an honour later in the sentence; a loan that fails a check is dropped with a
warning naming its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.text import normalize

from .bio_clubs import (
    CLUB_AFTER,
    YOUTH_HEADING_RE,
    ProseSentence,
    ProseState,
    club_list,
    is_club_name,
    is_coaching_clause,
    strip_leading_words,
)
from .dates import MONTH_RE, MONTHS, YEAR_RE, parse_date, season_in_text
from .documents import (
    ContractStatement,
    LoanStatement,
    PartialDate,
    Season,
    StatsTable,
    Transfer,
    YouthSpell,
)
from .prose import NAME, clean_name, match_club, names_in

# --- youth ---------------------------------------------------------------------------------

# 'joined the Werder Bremen youth team', 'joined the Roma youth system'.
JOINED_YOUTH_RE = re.compile(
    rf"\bjoined\s+(?:the\s+)?(?P<club>{NAME})(?:['’]s)?\s+(?:youth|academy|junior|under-)"
)
# 'youth system of Arsenal', 'youth ranks of Gamba Osaka', 'academy at Ajax'.
YOUTH_OF_RE = re.compile(
    rf"\b(?:youth\s+(?:team|ranks|system|academy|setup|career)|academy)\s+(?:of|at)\s+"
    rf"(?P<club>{NAME})"
)
# 'in the Atalanta youth system', 'in the Pakhtakor youth school'.
IN_YOUTH_RE = re.compile(rf"\b(?:in|into|through)\s+the\s+(?P<club>{NAME})\s+(?:youth|academy)")
# 'the local football school Spes Montesacro', 'the Moscow football school Akademika'.
FOOTBALL_SCHOOL_RE = re.compile(rf"\b(?:football|youth|sports)\s+school\s+(?P<club>{NAME})")
# 'joined the D.C. United Academy' (the academy written as part of the name).
ACADEMY_NAME_RE = re.compile(r"\s+(?:Youth\s+)?Academy$")
# 'playing youth football for Little Common', 'played junior football for A and B'.
YOUTH_FOOTBALL_RE = re.compile(
    r"\b(?:playing|played)\s+(?:youth|junior|schoolboy)\s+football\s+(?:for|with|at)\s+"
)
# 'As a boy he played for B 1908 and then for FC Copenhagen'.
AS_A_BOY_RE = re.compile(
    r"\b(?:[Aa]s\s+a\s+(?:boy|child|youngster|schoolboy)|[Ii]n\s+his\s+youth)\b"
)
# 'played for' in a youth sentence or section: 'He played for Premier AC'.
PLAYED_FOR_RE = re.compile(r"\b(?:played|playing)\s+(?:for|with)\s+")
# 'went through the Queensland Academy of Sport and the Australian Institute of Sport'.
WENT_THROUGH_RE = re.compile(r"\b(?:went|came)\s+through\s+")
# 'started playing at the age of six at Comercial'.
STARTED_AT_RE = re.compile(
    rf"\b(?:started|began)\s+(?:playing\s+)?(?:football\s+)?(?:at\s+the\s+age\s+of\s+\w+\s+)?"
    rf"at\s+(?P<club>{NAME})"
)
# A second place of a youth start: 'started at a local football school and at Usmate'.
STARTED_AND_AT_RE = re.compile(
    rf"\b(?:started|began)\s(?:playing\s)?at\s[^.;,]{{1,60}}?\sand\sat\s(?P<club>{NAME})"
)
# A place, not a club, named like one: 'Round Tree Park', 'Stadio Olimpico', 'St Mary's School'.
PLACE_WORD_RE = re.compile(
    r"(?i)\b(?:park|stadium|stadio|school|college|university|ground|arena|street|road|avenue"
    r"|square|gardens?|hall|church)\b"
)
# 'signed for Bolton Wanderers as a schoolboy', 'Arsenal signed him as a youth player'.
SIGNED_AS_YOUTH_RE = re.compile(
    rf"\b(?:signed\s+(?:for|with)\s+(?P<club>{NAME})|(?P<by>{NAME})\s+signed\s+(?:him|her))"
    r"\s+as\s+an?\s+(?:schoolboy|youth|junior|trainee|apprentice)"
)
# A sentence about youth football: 'youth', 'academy', 'football school', 'as a boy'.
# An age under 18 that dates a sentence: 'At 13 he was spotted…', 'aged 15', 'at the age of 14'
# (not a date: 'at 15 July').
YOUNG_AGE_RE = re.compile(
    r"(?i)\b(?:at\s+the\s+age\s+of|aged|at)\s+(?:[5-9]|1[0-7])\b(?![.,]?\d)"
    r"(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
)
# A senior career in the same sentence: 'at 17 he made his first-team debut'.
SENIOR_WORD_RE = re.compile(r"(?i)\b(?:first[- ]team|senior|professional|debut|contract)\b")
YOUTH_WORD_RE = re.compile(r"(?i)\b(?:youth|academy|junior|schoolboy|football\s+school|boy)\b")
# The year a youth club was joined: 'in 2018', 'im Jahr 2018'.
YOUTH_YEAR_RE = re.compile(rf"\b(?:in|im Jahr)\s+({YEAR_RE})\b")
# A previous youth club: 'having previously been at Alemannia Aachen'.
PREVIOUS_CLUB_RE = re.compile(
    rf"\b(?:previously\s+(?:been|played|playing)\s+(?:at|for|with)|from|after\s+"
    rf"(?:a\s+)?spells?\s+(?:at|with))\s+(?P<club>{NAME})"
)

# --- moves ---------------------------------------------------------------------------------

# 'joined Sunderland', 'signed for Kashima Antlers', 'moved to Cambridge United', 'to join X'.
MOVE_RE = re.compile(
    r"\b(?:joined|join|signed\s+(?:for|with)|moved\s+to|transferred\s+to|completed\s+a\s+"
    rf"(?:permanent\s+)?(?:move|transfer)\s+to)\s+{CLUB_AFTER}"
)
# 'sold him to Brentford'.
SOLD_TO_RE = re.compile(rf"\bsold\s+(?:him|her)\s+to\s+{CLUB_AFTER}")
# 'Werder Bremen bought him', 'Porto signed him', 'Dnipro bought his registration'.
BOUGHT_BY_RE = re.compile(
    rf"(?P<by>{NAME})\s+(?:signed|bought|acquired)\s+(?:him|her|his\s+registration)\b"
    rf"(?:\s+for\s+(?P<club>{NAME}))?"
)
# The club left: 'from Slavia Prague'.
FROM_CLUB_RE = re.compile(rf"\bfrom\s+(?P<club>{NAME})")
# A promotion: 'promoted to the Slavia first team'.
PROMOTED_RE = re.compile(
    rf"\b(?:promoted|moved up|stepped up)\s+to\s+(?:the\s+)?(?:(?P<club>{NAME})\s+)?"
    r"(?:first|senior)[- ]team"
)
# A birth phrase whose year is not a career date: 'Born in Dudley in 1954,'.
BORN_PHRASE_RE = re.compile(r"(?i)\bborn\b[^,;]{0,60}")
# An end date, not a start: 'until December 2027', 'till 2026'.
UNTIL_PHRASE_RE = re.compile(r"\b(?:until|till)\b[^,;]{0,40}")
# A year introduced as a date: 'in 1980', 'since 2019'.
YEAR_IN_RE = re.compile(rf"\b(?:[Ii]n|[Ss]ince|im)\s+({YEAR_RE})\b")
# A sentence opening with its date: 'In June 2010 ', 'On 1 February 2009, '.
SENTENCE_DATE_RE = re.compile(
    rf"^(?:In|On|During|By)\s+(?:\d{{1,2}}\s+)?(?:(?:{MONTH_RE})\s+)?{YEAR_RE}\b(?![–-])", re.I
)
# Between the independent parts of a sentence: '; '.
SEMICOLON_RE = re.compile(r";\s+")
# A season named by its year: 'the 2006 season'.
YEAR_SEASON_RE = re.compile(rf"\bthe\s+({YEAR_RE})\s+season\b")
# Where a clause ends or begins: '; ', ', and ', ', who ', ' and was '.
CLAUSE_BOUNDARY_RE = re.compile(
    r";|,\s+(?:and|but|while|where|which|who|whom|before|after|when)\b"
    r"|\s+and\s+(?:was|is|had|has|he|she|later|then)\b"
)
# A start date: 'from 1 January 2018'.
FROM_DATE_RE = re.compile(rf"\bfrom\s+(\d{{1,2}}\s+(?:{MONTH_RE})\s+{YEAR_RE})\b", re.I)
# A month and year: 'August 2018'.
MONTH_YEAR_RE = re.compile(rf"\b(?:\d{{1,2}}\s+)?(?:{MONTH_RE})\.?\s+{YEAR_RE}\b", re.I)
# A bare year: '2006'.
BARE_YEAR_RE = re.compile(rf"\b{YEAR_RE}\b")
# 'a move that was made permanent in January 2013'.
MADE_PERMANENT_RE = re.compile(r"\bmade\s+permanent\b(?P<rest>[^,;]{0,40})")
# 'the club later known as Brisbane Roar'.
RENAMED_RE = re.compile(
    rf"(?P<old>{NAME}),\s+the\s+club\s+(?:later|now|since)\s+(?:known\s+as|renamed)\s+"
    rf"(?P<new>{NAME})"
)

# --- loans ---------------------------------------------------------------------------------

# 'joined FC Volendam on a season-long loan', 'joined Gillingham on loan'.
JOINED_ON_LOAN_RE = re.compile(rf"\bjoined\s+{CLUB_AFTER}\s+on\s+(?:an?\s+)?(?:[\w-]+\s+)?loan")
# 'loaned him to Torino', 'loaned back to Copenhagen', 'sent him out on loan to Górnik'.
LOANED_TO_RE = re.compile(
    r"\b(?:loan(?:ed)?|sent)\s+(?:him\s+|her\s+)?(?:out\s+)?(?:back\s+)?(?:on\s+loan\s+)?"
    rf"(?:to|at|with)\s+{CLUB_AFTER}"
)
# 'returned to D.C. United on loan', 'went back to Atlético on loan'.
WENT_ON_LOAN_RE = re.compile(
    rf"\b(?:moved|returned|went|gone)\s+(?:back\s+)?to\s+{CLUB_AFTER}\s+on\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+)?loan"
)
# 'on loan at Triestina', 'went on loan to Incheon United'.
ON_LOAN_AT_RE = re.compile(rf"\bon\s+loan\s+(?:to|at|with)\s+{CLUB_AFTER}")
# 'Juventus signed him, initially on loan'.
SIGNED_ON_LOAN_RE = re.compile(
    rf"(?P<club>{NAME})\s+signed\s+(?:him|her),?\s+(?:initially\s+)?on\s+(?:an?\s+)?loan"
)
# 'joined Hansa Rostock until the end of the season, while remaining under contract with X'.
JOINED_WHILE_UNDER_CONTRACT_RE = re.compile(
    rf"\bjoined\s+{CLUB_AFTER}[^.;]{{0,80}}?\bwhile\s+remaining\s+under\s+contract\s+"
    rf"(?:with|at|to)\s+(?P<owner>{NAME})"
)
LOAN_TARGETS = (
    JOINED_ON_LOAN_RE,
    WENT_ON_LOAN_RE,
    LOANED_TO_RE,
    ON_LOAN_AT_RE,
    SIGNED_ON_LOAN_RE,
    JOINED_WHILE_UNDER_CONTRACT_RE,
)
# A further loan in the same clause: ', to Stoke City', 'and to Genoa'.
FURTHER_LOAN_RE = re.compile(rf"(?:,|\band)\s+to\s+{CLUB_AFTER}")
# The owner named: 'on loan from Werder Bremen', 'loan deal from parent club X'.
LOAN_FROM_RE = re.compile(rf"\bloan\s+(?:deal\s+)?from\s+(?:parent\s+club\s+)?{CLUB_AFTER}")
# The owner lending: 'Udinese loaned him', 'Wolfsburg suspended him and loaned him'.
OWNER_LENDS_RE = re.compile(
    rf"(?P<club>{NAME})\s+(?:(?:later|then|also)\s+)?(?:[a-z]+\s+(?:him|her)\s+and\s+)?"
    r"(?:loaned|sent)\s+(?:him|her)\b"
)
# The owner lending in a relative clause: 'Pescara, who loaned him'.
OWNER_WHO_LENDS_RE = re.compile(rf"(?P<club>{NAME}),\s+who\s+(?:loaned|sent)\s+(?:him|her)\b")
# Where a loan's own words end: ', where he played', ', in which', ', before'.
LOAN_SEGMENT_END_RE = re.compile(
    r",\s+(?:where|in\s+which|who|whom|for\s+whom|which|before|after|with\s+whom|while)\b"
)
# A loan season: 'for the 2021–22 season', 'in 2003–04', 'in the 2013–14 season'.
LOAN_SEASON_RE = re.compile(
    rf"\b(?:for|in|during)\s+(?:the\s+)?({YEAR_RE}\s*[-–/]\s*(?:\d{{4}}|\d{{2}}))\b"
)
# 'from January to June 2014'.
FROM_MONTH_TO_RE = re.compile(rf"\bfrom\s+({MONTH_RE})\s+to\s+({MONTH_RE})\s+({YEAR_RE})\b", re.I)
# The loan's end: 'until the end of the 2019 season', 'until the end of 2019–20'.
LOAN_UNTIL_RE = re.compile(
    rf"\buntil\s+the\s+end\s+of\s+(?:the\s+)?({YEAR_RE})(?:\s*[-–/]\s*(\d{{4}}|\d{{2}}))?"
)
# A later loan in the year of the one before: 'later the same year', 'later that year'.
SAME_YEAR_RE = re.compile(r"\b(?:the\s+same|that)\s+year\b")
# A sentence that may state a loan: 'loan', 'loaned', 'remaining under contract'.
LOAN_WORD_RE = re.compile(r"(?i)\bloan|\bremaining\s+under\s+contract\b")

# --- contracts -----------------------------------------------------------------------------

# A contract mentioned: 'contract', 'deal'.
CONTRACT_RE = re.compile(r"(?i)\bcontract\b|\bdeal\b")
# Its end: 'until 2026', 'running until June 2027', 'to the end of 2025–26'.
CONTRACT_UNTIL_RE = re.compile(
    r"\b(?:until|till|through|to|runs to|running (?:until|to))\s+(?:the\s+)?"
    r"(?:end\s+of\s+(?:the\s+)?)?(.{0,30})"
)


def _scope(text: str) -> str:
    """The text a date may come from: without 'Born in … in 1954' or 'until December 2027'."""
    return UNTIL_PHRASE_RE.sub(" ", BORN_PHRASE_RE.sub(" ", text))


def date_in(text: str) -> PartialDate | None:
    """A move's date: 'from 1 January 2018', 'August 2018', 'in 1980'."""
    text = _scope(text)
    if m := FROM_DATE_RE.search(text):
        return parse_date(m.group(1))
    if m := MONTH_YEAR_RE.search(text):
        return parse_date(m.group(0))
    if m := YEAR_IN_RE.search(text):
        return PartialDate(int(m.group(1)))
    return None


def season_of_start(start: PartialDate) -> Season | None:
    """The season a loan starting in that month opens: summer window on -> that year."""
    if start.month is None:
        return None
    if start.month >= 6:
        return Season(start.year, start.year + 1)
    return Season(start.year - 1, start.year)


class CareerReader:
    """Reads youth clubs, moves, loans and contracts sentence by sentence."""

    def __init__(self, state: ProseState) -> None:
        self.state = state
        self.opening_date: PartialDate | None = None
        self.youth: list[YouthSpell] = []
        self.transfers: list[Transfer] = []
        self.loans: list[LoanStatement] = []
        self.contracts: list[ContractStatement] = []

    def club(self, name: str, line: int) -> str | None:
        name = strip_leading_words(name)
        if not is_club_name(name, self.state.clubs.not_clubs):
            return None
        if self.is_shared_word(name):
            return None  # 'moved to Moscow': the city of CSKA Moscow and Lokomotiv Moscow
        return self.state.clubs.resolve(name, line)

    def is_shared_word(self, name: str) -> bool:
        words = normalize(name).split()
        if len(words) != 1 or match_club(name, self.state.clubs.known) is not None:
            return False
        return sum(words[0] in normalize(k).split() for k in self.state.clubs.known) >= 2

    def read(self, item: ProseSentence) -> None:
        """Each part of a sentence between semicolons is read on its own."""
        opening = SENTENCE_DATE_RE.match(item.text)
        self.opening_date = date_in(opening.group(0)) if opening else None
        for part in SEMICOLON_RE.split(item.text):
            self.read_part(ProseSentence(part, item.line, item.heading))

    def read_part(self, item: ProseSentence) -> None:
        text, line = item.text, item.line
        for m in RENAMED_RE.finditer(text):
            self.state.clubs.rename(clean_name(m.group("old")), clean_name(m.group("new")), line)
        youth = self.read_youth(item)
        if is_coaching_clause(text):
            return  # a coaching job is neither a move nor a loan
        if LOAN_WORD_RE.search(text) and (first := self.first_loan(text, line)):
            self.read_moves(item, until=first[0].start(), youth=youth)
            self.read_loans(item, first)
            return
        self.read_moves(item, youth=youth)
        self.read_contract(item)

    # -- youth -------------------------------------------------------------------------------

    def read_youth(self, item: ProseSentence) -> set[str]:
        text, line = item.text, item.line
        found: list[tuple[int, str, PartialDate | None, str | None]] = []
        main = JOINED_YOUTH_RE.search(text) or YOUTH_OF_RE.search(text)
        if main:
            club = self.club(main.group("club"), line)
            year = YOUTH_YEAR_RE.search(text)
            previous_match = PREVIOUS_CLUB_RE.search(text[main.end() :])
            previous_club = (
                self.club(previous_match.group("club"), line) if previous_match else None
            )
            if previous_club is not None:
                found.append((main.start() - 1, previous_club, None, None))
            if club:
                joined = PartialDate(int(year[1])) if year else None
                found.append((main.start(), club, joined, previous_club))
        youthful = bool(YOUTH_WORD_RE.search(text)) or bool(
            item.heading and YOUTH_HEADING_RE.search(item.heading)
        )
        for regex in (IN_YOUTH_RE, FOOTBALL_SCHOOL_RE):
            for m in regex.finditer(text):
                if club := self.club(m.group("club"), line):
                    found.append((m.start(), club, None, None))
        if signed := SIGNED_AS_YOUTH_RE.search(text):
            name = signed.group("club") or signed.group("by")
            if club := self.club(name, line):
                found.append((signed.start(), club, None, None))
        lists = [YOUTH_FOOTBALL_RE]
        if youthful:
            lists += [WENT_THROUGH_RE]
            if AS_A_BOY_RE.search(text) or (item.heading and YOUTH_HEADING_RE.search(item.heading)):
                lists.append(PLAYED_FOR_RE)
            starts = [*STARTED_AT_RE.finditer(text), *STARTED_AND_AT_RE.finditer(text)]
            for m in starts:
                if PLACE_WORD_RE.search(m.group("club")):
                    continue
                if club := self.club(m.group("club"), line):
                    found.append((m.start("club"), club, None, None))
        for regex in lists:
            for m in regex.finditer(text):
                for start, name in club_list(text, m.end()):
                    if club := self.youth_club(name, line):
                        found.append((start, club, None, None))
        if YOUNG_AGE_RE.search(text) and not SENIOR_WORD_RE.search(text):
            # every club joined in a sentence that gives him an age under 18 is a youth club
            for move in MOVE_RE.finditer(text):
                if club := self.club(move.group("club"), line):
                    found.append((move.start(), club, None, None))
        if academy := JOINED_ACADEMY_RE.search(text):
            name = ACADEMY_NAME_RE.sub("", clean_name(academy.group("club")))
            if clean_name(academy.group("club")) != name and (club := self.club(name, line)):
                found.append((academy.start(), club, parse_month_year_in(text), None))
        if not found:
            return set()
        found.sort(key=lambda f: f[0])
        for _, club, joined, previous in found:
            existing = [y for y in self.youth if y.club == club]
            if existing and (joined is None or existing[0].joined is not None):
                continue
            if existing:
                self.youth.remove(existing[0])
            self.youth.append(YouthSpell(club, joined, previous, line))
        self.state.context_club = found[-1][1]
        self.state.parent = found[-1][1]
        return {club for _, club, _, _ in found}

    def youth_club(self, name: str, line: int) -> str | None:
        return self.club(ACADEMY_NAME_RE.sub("", name), line)

    # -- moves -------------------------------------------------------------------------------

    def read_moves(
        self, item: ProseSentence, until: int | None = None, youth: set[str] | None = None
    ) -> None:
        text, line = item.text, item.line
        moves: list[tuple[int, str, str | None]] = []
        youth_clubs = youth or set()
        for m in MOVE_RE.finditer(text):
            if JOINED_YOUTH_RE.match(text, m.start()) or JOINED_ACADEMY_RE.match(text, m.start()):
                continue
            if (club := self.club(m.group("club"), line)) and club not in youth_clubs:
                source_match = FROM_CLUB_RE.search(tail_of(text, m.end()))
                moves.append(
                    (m.start(), club, source_match.group("club") if source_match else None)
                )
        for m in SOLD_TO_RE.finditer(text):
            if club := self.club(m.group("club"), line):
                moves.append((m.start(), club, None))
        for m in BOUGHT_BY_RE.finditer(text):
            named = m.group("club") or strip_leading_words(m.group("by"))
            if m.group("club") is None and match_club(named, self.state.clubs.known) is None:
                continue  # 'Jupp Heynckes signed him' names a coach, not a club
            if (club := self.club(named, line)) and club not in youth_clubs:
                source_match = FROM_CLUB_RE.search(tail_of(text, m.end()))
                moves.append(
                    (m.start(), club, source_match.group("club") if source_match else None)
                )
        moves.sort()
        if until is not None:
            moves = [move for move in moves if move[0] < until]
        for start, club, source in moves:
            permanent = MADE_PERMANENT_RE.search(text)
            date = (
                date_in(tail_of(text, start)) or date_in(head_of(text, start)) or self.opening_date
            )
            from_club = self.club(source, line) if source else None
            if from_club == club:
                self.state.warn(line, f"move to {club} from itself dropped")
                continue
            if permanent is None:
                self.transfers.append(Transfer(club, from_club, date, "transfer", line))
            self.state.context_club = club
            self.state.parent = club
        if not moves and (promoted := PROMOTED_RE.search(text)):
            named = promoted.group("club")
            club = self.club(named, line) if named else self.state.context_club
            if club:
                self.transfers.append(Transfer(club, None, date_in(text), "first_team", line))

    def read_contract(self, item: ProseSentence) -> None:
        text, line = item.text, item.line
        contract = CONTRACT_RE.search(text)
        if contract is None:
            return
        until = CONTRACT_UNTIL_RE.search(text[contract.start() :])
        date = parse_date(until.group(1)) if until else None
        if until and (season := season_in_text(until.group(1))):
            date = PartialDate(season.end_year)
        if date is not None:
            club = self._club_in(text, line) or self.state.context_club
            self.contracts.append(ContractStatement(club, date, line))

    def _club_in(self, text: str, line: int) -> str | None:
        for _, name in names_in(text):
            if match_club(name, self.state.clubs.known) is not None:
                return self.state.clubs.resolve(name, line)
        return None

    # -- loans -------------------------------------------------------------------------------

    def first_loan(self, text: str, line: int) -> tuple[re.Match[str], str] | None:
        first = None
        for regex in LOAN_TARGETS:
            for m in regex.finditer(text):
                club = self.club(m.group("club"), line)
                if club is not None and (first is None or m.start() < first[0].start()):
                    first = (m, club)
                    break
        return first

    def read_loans(self, item: ProseSentence, first: tuple[re.Match[str], str]) -> None:
        text, line = item.text, item.line
        match, club = first
        targets = [(match.start("club"), match.end("club"), club)]
        for m in FURTHER_LOAN_RE.finditer(text, match.end()):
            if further := self.club(m.group("club"), line):
                targets.append((m.start("club"), m.end("club"), further))
        owner = self.loan_owner(text, match, line)
        head = _scope(head_of(text, match.start()))
        head_years = [int(y) for y in BARE_YEAR_RE.findall(head)]
        previous: PartialDate | None = None
        for index, (start, end, target) in enumerate(targets):
            next_start = targets[index + 1][0] if index + 1 < len(targets) else len(text)
            segment = text[end:next_start]
            cut = LOAN_SEGMENT_END_RE.search(segment) or CLAUSE_BOUNDARY_RE.search(segment)
            own = segment[: cut.start()] if cut else segment
            if permanent := MADE_PERMANENT_RE.search(own):
                own = own[: permanent.start()]
                self.made_permanent(target, owner, permanent.group("rest"), line)
            between = text[targets[index - 1][1] : start] if index else ""
            date, until = self.loan_dates(own)
            if date is None and len(head_years) == len(targets) > 1:
                date = PartialDate(head_years[index])
            elif date is None and index == 0:
                date = date_in(head) or self.opening_date
                if date is None and (year := YEAR_SEASON_RE.search(head)):
                    date = PartialDate(int(year.group(1)))
            elif date is None and previous is not None and SAME_YEAR_RE.search(between):
                date = PartialDate(previous.year)
            season = None
            season_match = LOAN_SEASON_RE.search(own) or LOAN_SEASON_RE.search(
                head if index == 0 else ""
            )
            if season_match:
                season = season_in_text(season_match.group(1))
            if season is None and date is not None:
                season = season_of_start(date)
            self.add_loan(target, owner, date, season, until, line)
            previous = date or previous
        if owner:
            self.state.parent = owner

    def made_permanent(self, club: str, owner: str | None, rest: str, line: int) -> None:
        """'a move that was made permanent in January 2013': the permanent transfer."""
        self.transfers.append(Transfer(club, owner, date_in(rest), "transfer", line))
        self.state.parent = club

    def loan_dates(self, own: str) -> tuple[PartialDate | None, PartialDate | None]:
        until = None
        if m := LOAN_UNTIL_RE.search(own):
            season = season_in_text(m.group(0)) if m.group(2) else None
            until = PartialDate(season.end_year if season else int(m.group(1)))
            own = own[: m.start()]
        if m := FROM_MONTH_TO_RE.search(own):
            year = int(m.group(3))
            return (
                PartialDate(year, MONTHS[m.group(1).lower()]),
                PartialDate(year, MONTHS[m.group(2).lower()]),
            )
        return date_in(own), until

    def loan_owner(self, text: str, match: re.Match[str], line: int) -> str | None:
        named = None
        if "owner" in match.re.groupindex and match.group("owner"):
            named = match.group("owner")
        else:
            for regex in (LOAN_FROM_RE, OWNER_WHO_LENDS_RE, OWNER_LENDS_RE):
                if m := regex.search(text):
                    named = m.group("club")
                    break
        if named is not None:
            return self.club(named, line)
        return self.state.parent

    def add_loan(
        self,
        club: str,
        owner: str | None,
        start: PartialDate | None,
        season: Season | None,
        until: PartialDate | None,
        line: int,
    ) -> None:
        if owner == club:
            owner = None
        for index, loan in enumerate(self.loans):
            if loan.club != club:
                continue
            same_season = loan.season is not None and loan.season == season
            same_start = loan.start is not None and loan.start == start
            undated = loan.season is season is None and loan.start is start is None
            if same_season or same_start or undated:
                self.loans[index] = LoanStatement(
                    club,
                    loan.owner or owner,
                    loan.start or start,
                    loan.season or season,
                    loan.line,
                    loan.end or until,
                )
                return
        self.loans.append(LoanStatement(club, owner, start, season, line, until))
        self.state.context_club = club


# 'joined the D.C. United Academy in January 2007'.
JOINED_ACADEMY_RE = re.compile(rf"\bjoined\s+the\s+(?P<club>{NAME})")


def _holds(season: Season, year: int) -> bool:
    return year in (season.start_year, season.end_year)


def head_of(text: str, position: int) -> str:
    """The clause before ``position``: from the last boundary ('; ', ', who') on."""
    starts = [m.end() for m in CLAUSE_BOUNDARY_RE.finditer(text, 0, position)]
    return text[starts[-1] if starts else 0 : position]


def tail_of(text: str, position: int) -> str:
    """The clause from ``position`` to the next boundary."""
    stop = CLAUSE_BOUNDARY_RE.search(text, position)
    return text[position : stop.start() if stop else len(text)]


def parse_month_year_in(text: str) -> PartialDate | None:
    m = MONTH_YEAR_RE.search(text)
    return parse_date(m.group(0)) if m else None


def align_loans_with_table(
    loans: list[LoanStatement], table: StatsTable | None
) -> list[LoanStatement]:
    """Seasons from the table's loan rows: a calendar-year league, or the one row there is."""
    if table is None:
        return loans
    aligned: list[LoanStatement] = []
    for loan in loans:
        rows = [r for r in table.rows if match_club(loan.club, [r.club]) is not None]
        season = loan.season
        if loan.start is not None:
            calendar = [
                r
                for r in rows
                if r.season.is_calendar_year and r.season.start_year == loan.start.year
            ]
            if calendar:
                season = calendar[0].season
        if season is None:
            loan_rows = [r for r in rows if r.is_loan]
            if loan.start is not None:
                loan_rows = [r for r in rows if _holds(r.season, loan.start.year)]
            if len(loan_rows) == 1:
                season = loan_rows[0].season
        aligned.append(
            LoanStatement(loan.club, loan.owner, loan.start, season, loan.line, loan.end)
        )
    return aligned


def checked_loans(
    loans: list[LoanStatement], warn: Callable[[int, str], None]
) -> list[LoanStatement]:
    """Drop a loan whose end falls before its start, or whose season does not hold its start."""
    kept: list[LoanStatement] = []
    for loan in loans:
        end_year = loan.end.year if loan.end else (loan.season.end_year if loan.season else None)
        if loan.start is not None and end_year is not None and end_year < loan.start.year:
            warn(
                loan.line,
                f"loan to {loan.club} dropped: it would end ({end_year}) "
                f"before it starts ({loan.start})",
            )
            continue
        if (
            loan.start is not None
            and loan.season is not None
            and not loan.season.start_year <= loan.start.year <= loan.season.end_year
        ):
            warn(loan.line, f"loan to {loan.club} dropped: {loan.start} is not in {loan.season}")
            continue
        kept.append(loan)
    return kept


def same_club(a: str, b: str) -> bool:
    return normalize(a) == normalize(b) or match_club(a, [b]) is not None
