"""Football countries: English and German names, demonyms, ISO 3166 alpha-2 codes.

Home nations play as separate national teams, so they get the ISO 3166-2 style codes
'GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import normalize


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str  # English short name
    names: tuple[str, ...]  # other English and German names
    demonyms: tuple[str, ...]  # English and German adjectives / nouns


# code, English name, other names (en + de), demonyms (en + de, incl. inflected forms)
_TABLE: tuple[tuple[str, str, str, str], ...] = (
    (
        "DE",
        "Germany",
        "Deutschland|West Germany|FR Germany",
        "German|deutsch|deutsche|deutscher|deutschen|Deutscher",
    ),
    ("AT", "Austria", "Österreich", "Austrian|österreichisch|Österreicher"),
    ("CH", "Switzerland", "Schweiz|Swiss", "Swiss|schweizerisch|Schweizer"),
    ("FR", "France", "Frankreich", "French|französisch|Franzose"),
    ("IT", "Italy", "Italien", "Italian|italienisch|Italiener"),
    ("ES", "Spain", "Spanien", "Spanish|spanisch|Spanier"),
    ("PT", "Portugal", "", "Portuguese|portugiesisch|Portugiese"),
    (
        "NL",
        "Netherlands",
        "Niederlande|Holland|the Netherlands",
        "Dutch|niederländisch|Niederländer",
    ),
    ("BE", "Belgium", "Belgien", "Belgian|belgisch|Belgier"),
    ("LU", "Luxembourg", "Luxemburg", "Luxembourgish|luxemburgisch"),
    ("DK", "Denmark", "Dänemark", "Danish|Dane|dänisch|Däne"),
    ("SE", "Sweden", "Schweden", "Swedish|Swede|schwedisch|Schwede"),
    ("NO", "Norway", "Norwegen", "Norwegian|norwegisch|Norweger"),
    ("FI", "Finland", "Finnland", "Finnish|Finn|finnisch|Finne"),
    ("IS", "Iceland", "Island", "Icelandic|Icelander|isländisch|Isländer"),
    ("IE", "Republic of Ireland", "Ireland|Irland", "Irish|irisch|Ire"),
    ("GB-ENG", "England", "", "English|englisch|Engländer"),
    ("GB-SCT", "Scotland", "Schottland", "Scottish|Scot|schottisch|Schotte"),
    ("GB-WLS", "Wales", "", "Welsh|walisisch|Waliser"),
    ("GB-NIR", "Northern Ireland", "Nordirland", "Northern Irish|nordirisch"),
    ("PL", "Poland", "Polen", "Polish|Pole|polnisch"),
    (
        "CZ",
        "Czech Republic",
        "Czechia|Tschechien|Tschechische Republik",
        "Czech|tschechisch|Tscheche",
    ),
    ("SK", "Slovakia", "Slowakei", "Slovak|Slovakian|slowakisch|Slowake"),
    ("HU", "Hungary", "Ungarn", "Hungarian|ungarisch|Ungar"),
    ("SI", "Slovenia", "Slowenien", "Slovenian|Slovene|slowenisch|Slowene"),
    ("HR", "Croatia", "Kroatien", "Croatian|Croat|kroatisch|Kroate"),
    ("RS", "Serbia", "Serbien", "Serbian|Serb|serbisch|Serbe"),
    ("BA", "Bosnia and Herzegovina", "Bosnien und Herzegowina|Bosnia", "Bosnian|bosnisch|Bosnier"),
    ("ME", "Montenegro", "", "Montenegrin|montenegrinisch"),
    ("MK", "North Macedonia", "Nordmazedonien|Macedonia", "Macedonian|mazedonisch"),
    ("AL", "Albania", "Albanien", "Albanian|albanisch|Albaner"),
    ("XK", "Kosovo", "", "Kosovan|Kosovar|kosovarisch"),
    ("GR", "Greece", "Griechenland", "Greek|griechisch|Grieche"),
    ("TR", "Turkey", "Türkiye|Türkei", "Turkish|Turk|türkisch|Türke"),
    ("CY", "Cyprus", "Zypern", "Cypriot|zyprisch"),
    ("BG", "Bulgaria", "Bulgarien", "Bulgarian|bulgarisch|Bulgare"),
    ("RO", "Romania", "Rumänien", "Romanian|rumänisch|Rumäne"),
    ("MD", "Moldova", "Moldau|Moldawien", "Moldovan|moldauisch"),
    ("UA", "Ukraine", "", "Ukrainian|ukrainisch|Ukrainer"),
    ("BY", "Belarus", "Weißrussland", "Belarusian|belarussisch"),
    ("RU", "Russia", "Russland", "Russian|russisch|Russe"),
    ("LT", "Lithuania", "Litauen", "Lithuanian|litauisch"),
    ("LV", "Latvia", "Lettland", "Latvian|lettisch"),
    ("EE", "Estonia", "Estland", "Estonian|estnisch"),
    ("GE", "Georgia", "Georgien", "Georgian|georgisch"),
    ("AM", "Armenia", "Armenien", "Armenian|armenisch"),
    ("AZ", "Azerbaijan", "Aserbaidschan", "Azerbaijani|aserbaidschanisch"),
    ("IL", "Israel", "", "Israeli|israelisch"),
    ("KZ", "Kazakhstan", "Kasachstan", "Kazakh|Kazakhstani|kasachisch"),
    ("JP", "Japan", "", "Japanese|japanisch|japanische|japanischen|Japaner|Japanerin"),
    (
        "KR",
        "South Korea",
        "Korea Republic|Korea|Südkorea",
        "South Korean|Korean|südkoreanisch|koreanisch",
    ),
    ("KP", "North Korea", "Korea DPR|Nordkorea", "North Korean|nordkoreanisch"),
    ("CN", "China", "China PR", "Chinese|chinesisch|Chinese"),
    ("AU", "Australia", "Australien", "Australian|australisch|Australier"),
    ("NZ", "New Zealand", "Neuseeland", "New Zealander|New Zealand|neuseeländisch"),
    ("IR", "Iran", "IR Iran", "Iranian|iranisch|Iraner"),
    ("IQ", "Iraq", "Irak", "Iraqi|irakisch"),
    ("SA", "Saudi Arabia", "Saudi-Arabien", "Saudi|Saudi Arabian|saudisch"),
    ("QA", "Qatar", "Katar", "Qatari|katarisch"),
    ("AE", "United Arab Emirates", "UAE|Vereinigte Arabische Emirate", "Emirati"),
    ("UZ", "Uzbekistan", "Usbekistan", "Uzbek|usbekisch"),
    ("TH", "Thailand", "", "Thai|thailändisch"),
    ("VN", "Vietnam", "Viet Nam", "Vietnamese|vietnamesisch"),
    ("ID", "Indonesia", "Indonesien", "Indonesian|indonesisch"),
    ("IN", "India", "Indien", "Indian|indisch"),
    (
        "US",
        "United States",
        "USA|United States of America|Vereinigte Staaten",
        "American|US|amerikanisch|US-amerikanisch",
    ),
    ("CA", "Canada", "Kanada", "Canadian|kanadisch|Kanadier"),
    ("MX", "Mexico", "Mexiko", "Mexican|mexikanisch|Mexikaner"),
    ("CR", "Costa Rica", "", "Costa Rican|costa-ricanisch"),
    ("JM", "Jamaica", "Jamaika", "Jamaican|jamaikanisch"),
    ("PA", "Panama", "", "Panamanian|panamaisch"),
    ("HN", "Honduras", "", "Honduran|honduranisch"),
    ("BR", "Brazil", "Brasilien", "Brazilian|brasilianisch|Brasilianer"),
    ("AR", "Argentina", "Argentinien", "Argentine|Argentinian|argentinisch|Argentinier"),
    ("UY", "Uruguay", "", "Uruguayan|uruguayisch"),
    ("PY", "Paraguay", "", "Paraguayan|paraguayisch"),
    ("CL", "Chile", "", "Chilean|chilenisch"),
    ("CO", "Colombia", "Kolumbien", "Colombian|kolumbianisch"),
    ("PE", "Peru", "", "Peruvian|peruanisch"),
    ("EC", "Ecuador", "", "Ecuadorian|ecuadorianisch"),
    ("VE", "Venezuela", "", "Venezuelan|venezolanisch"),
    ("BO", "Bolivia", "Bolivien", "Bolivian|bolivianisch"),
    ("MA", "Morocco", "Marokko", "Moroccan|marokkanisch"),
    ("DZ", "Algeria", "Algerien", "Algerian|algerisch"),
    ("TN", "Tunisia", "Tunesien", "Tunisian|tunesisch"),
    ("EG", "Egypt", "Ägypten", "Egyptian|ägyptisch"),
    ("NG", "Nigeria", "", "Nigerian|nigerianisch"),
    ("GH", "Ghana", "", "Ghanaian|ghanaisch"),
    ("CI", "Ivory Coast", "Côte d'Ivoire|Elfenbeinküste", "Ivorian|ivorisch"),
    ("SN", "Senegal", "", "Senegalese|senegalesisch"),
    ("CM", "Cameroon", "Kamerun", "Cameroonian|kamerunisch"),
    ("ML", "Mali", "", "Malian|malisch"),
    ("BF", "Burkina Faso", "", "Burkinabé|burkinisch"),
    ("GN", "Guinea", "", "Guinean|guineisch"),
    ("CD", "DR Congo", "Democratic Republic of the Congo|Kongo", "Congolese|kongolesisch"),
    ("ZA", "South Africa", "Südafrika", "South African|südafrikanisch"),
    ("CV", "Cape Verde", "Kap Verde|Cabo Verde", "Cape Verdean|kapverdisch"),
    ("GM", "Gambia", "The Gambia", "Gambian|gambisch"),
)

COUNTRIES: tuple[Country, ...] = tuple(
    Country(
        code=code,
        name=name,
        names=tuple(n for n in others.split("|") if n),
        demonyms=tuple(d for d in demonyms.split("|") if d),
    )
    for code, name, others, demonyms in _TABLE
)
BY_CODE: dict[str, Country] = {c.code: c for c in COUNTRIES}

_BY_NAME: dict[str, Country] = {}
_BY_DEMONYM: dict[str, Country] = {}
for _country in COUNTRIES:
    for _name in (_country.name, *_country.names):
        _BY_NAME.setdefault(normalize(_name), _country)
    for _demonym in _country.demonyms:
        _BY_DEMONYM.setdefault(normalize(_demonym), _country)

# Longest first so 'Northern Ireland' wins over 'Ireland', 'South Korea' over 'Korea'.
_NAMES_LONGEST_FIRST = sorted(
    {n for c in COUNTRIES for n in (c.name, *c.names)}, key=len, reverse=True
)
COUNTRY_NAME_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(n) for n in _NAMES_LONGEST_FIRST) + r")(?![\w-])"
)
_DEMONYMS_LONGEST_FIRST = sorted({d for c in COUNTRIES for d in c.demonyms}, key=len, reverse=True)
DEMONYM_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(d) for d in _DEMONYMS_LONGEST_FIRST) + r")(?![\w-])"
)


def country_by_name(text: str) -> Country | None:
    """'Germany', 'Deutschland', 'Czechia' -> Country (case- and accent-insensitive)."""
    return _BY_NAME.get(normalize(text))


def country_by_demonym(text: str) -> Country | None:
    """'German', 'japanische', 'Czech' -> Country."""
    return _BY_DEMONYM.get(normalize(text))


def country_by_code(code: str) -> Country | None:
    """'DE', 'de', 'GB-ENG' -> Country."""
    return BY_CODE.get(code.strip().upper())
