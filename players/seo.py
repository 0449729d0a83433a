"""Meta description and schema.org Person of a player page."""

from django.utils.translation import gettext as _

from core.i18n import country_name, place_with_country, position_detail
from core.web import absolute
from players.selectors import PlayerPage


def player_summary(page: PlayerPage) -> str:
    player = page.player
    facts = []
    if player.position:
        facts.append(player.get_position_display())
    if player.current_club:
        facts.append(player.current_club.name)
    if player.place_of_birth:
        facts.append(_("born in %(place)s") % {"place": player.place_of_birth})
    if player.date_of_birth:
        facts.append(_("born %(date)s") % {"date": player.date_of_birth.year})
    total = page.table.total.apps if page.table else None
    if total is not None:
        facts.append(_("%(apps)s club appearances") % {"apps": total})
    text = " · ".join(facts)
    return f"{player.name}: {text}" if text else player.name


def _birth_date(player) -> str:
    if not player.date_of_birth:
        return ""
    if player.date_of_birth_precision == "year":
        return str(player.date_of_birth.year)
    if player.date_of_birth_precision == "month":
        return player.date_of_birth.strftime("%Y-%m")
    return player.date_of_birth.isoformat()


def _birth_place(player) -> dict | None:
    """The place with its country, as the page shows it: 'Mönchengladbach, Germany'."""
    country = player.country_of_birth
    if not player.place_of_birth and not country:
        return None
    place: dict = {
        "@type": "Place",
        "name": place_with_country(
            player.place_of_birth or "",
            country.code if country else "",
            country.name if country else "",
        ),
    }
    if country:
        place["containedInPlace"] = {
            "@type": "Country",
            "name": country_name(country.code, country.name),
            "identifier": country.code,
        }
    return place


def player_json_ld(page: PlayerPage, url: str) -> dict:
    player = page.player
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": player.name,
        "url": url,
    }
    if player.known_as and player.known_as != player.full_name:
        data["givenName"] = player.full_name
    alternates = [n.name for n in page.alternative_names]
    if alternates:
        data["alternateName"] = alternates
    if player.photo_rendition:
        data["image"] = absolute(player.photo_rendition.url)
    if birth := _birth_date(player):
        data["birthDate"] = birth
    if place := _birth_place(player):
        data["birthPlace"] = place
    nations = [country_name(c.code, c.name) for c in page.nationalities]
    if nations:
        data["nationality"] = [{"@type": "Country", "name": n} for n in nations]
    if player.height_cm:
        data["height"] = {
            "@type": "QuantitativeValue",
            "value": player.height_cm,
            "unitCode": "CMT",
        }
    if player.position:
        data["jobTitle"] = str(player.get_position_display())
        if player.position_detail:
            detail, _translated = position_detail(player.position_detail)
            data["jobTitle"] += f" ({detail})"
    if player.current_club and player.current_club.is_published:
        data["memberOf"] = {
            "@type": "SportsTeam",
            "name": player.current_club.name,
            "sport": "Soccer",
            "url": absolute(player.current_club.get_absolute_url()),
        }
    data["description"] = player_summary(page)
    return data
