"""A realistic Report for the export tests: the Mali story of November 2025.

Built with mapper.model classes, as ``mapper extract`` would produce it: an
abduction and a killing at Tonka, five workers abducted near Kobri, and JNIM's
fuel blockade since September on three corridors into Bamako. Coordinates are
GeoNames/curated values rounded to 5 decimals; Kobri is approximate (precision 2).
"""
from __future__ import annotations

from mapper.model import Incident, Place, Report, Route

SOURCE = "mali-2025-11-09.txt"
PUBLISHED = "2025-11-09"

TONKA = (16.13389, -3.74861)
KOBRI = (14.11, -11.13)
BAMAKO = (12.65, -8.0)
ROUTE_IDS = "dakar-bamako; abidjan-bamako; nouakchott-bamako"


def incidents() -> list[Incident]:
    common = dict(country="Mali", country_code="ML", source=SOURCE, published=PUBLISHED)
    return [
        Incident(
            event_id="ML-20251107-tonka-abduction", event_type="Violence against civilians",
            sub_event_type="Abduction/forced disappearance", location="Tonka",
            latitude=TONKA[0], longitude=TONKA[1], event_date="2025-11-07", time_precision=1,
            actor1="Unidentified armed group", actor2="Civilians (Mali)", suspected=True,
            admin1="Tombouctou", geo_precision=1, fatalities=None,
            victims="a TikTok influencer", victim_count=1,
            notes="Gunmen abducted a social-media influencer in the market of Tonka.",
            quote="On Friday, gunmen seized her in the weekly market of Tonka, "
                  "in the Timbuktu region.", confidence=0.8, **common),
        Incident(
            event_id="ML-20251108-tonka-killing", event_type="Violence against civilians",
            sub_event_type="Attack", location="Tonka", latitude=TONKA[0], longitude=TONKA[1],
            event_date="2025-11-08", time_precision=1, actor1="JNIM",
            actor2="Civilians (Mali)", suspected=True, admin1="Tombouctou", geo_precision=1,
            fatalities=1, victims="a TikTok influencer", victim_count=1,
            notes="The abducted influencer was executed in Independence Square, Tonka.",
            quote='She was executed the next evening in Independence Square; a witness said '
                  '"they made everyone watch", and JNIM was blamed.',
            confidence=0.85, **common),
        Incident(
            event_id="ML-20251106-kobri-abduction", event_type="Violence against civilians",
            sub_event_type="Abduction/forced disappearance", location="Kobri",
            latitude=KOBRI[0], longitude=KOBRI[1], event_date="2025-11-06", time_precision=1,
            actor1="Unidentified armed group", actor2="Civilians (India)", admin1="Kayes",
            geo_precision=2, fatalities=None, victims="five Indian workers", victim_count=5,
            notes="Five Indian workers were abducted near Kobri, western Mali.",
            quote="Last Thursday, five Indian workers were abducted near Kobri, "
                  "about 50 km from Kayes.", confidence=0.7, **common),
        Incident(
            event_id="ML-202509-fuel-blockade", event_type="Strategic developments",
            sub_event_type="Other", location="Bamako", latitude=BAMAKO[0],
            longitude=BAMAKO[1], event_date="2025-09-01", time_precision=3, actor1="JNIM",
            admin1="Bamako", geo_precision=3, fatalities=None,
            notes="JNIM blockades fuel supplies to Bamako from Côte d’Ivoire, Mauritania "
                  "and Senegal.",
            quote="Since September, JNIM has imposed a fuel blockade on the routes from "
                  "Côte d’Ivoire, Mauritania and Senegal, with Ségou also short of fuel.",
            confidence=0.75, route_ids=ROUTE_IDS, **common),
    ]


def places() -> list[Place]:
    return [
        Place("Tonka", "Tonka", "curated:tonka", "locality", "ML", *TONKA, admin1="Tombouctou",
              role="event", confidence=0.9, mentions=["Tonka"], country="Mali"),
        Place("Tombouctou", "Timbuktu region", "localis:ML-6", "admin1", "ML", 18.5, -3.5,
              admin1="Tombouctou", geo_precision=3, confidence=0.8,
              mentions=["Timbuktu region", "Timbuktu"], country="Mali"),
        Place("Kobri", "Kobri", "curated:kobri", "locality", "ML", *KOBRI, admin1="Kayes",
              geo_precision=2, role="event", confidence=0.6, mentions=["Kobri"], country="Mali"),
        Place("Bamako", "Bamako", "geonames:2460596", "locality", "ML", *BAMAKO,
              admin1="Bamako", role="event", confidence=0.95, mentions=["Bamako", "capital"],
              country="Mali"),
        Place("Ségou", "Ségou", "geonames:2451185", "locality", "ML", 13.4317, -6.2157,
              admin1="Ségou", confidence=0.9, mentions=["Ségou"], country="Mali"),
        Place("Mali", "Mali", "geonames:2453866", "country", "ML", 17.0, -4.0, geo_precision=3,
              confidence=0.95, mentions=["Mali", "western Mali"], country="Mali"),
        Place("Côte d'Ivoire", "Côte d’Ivoire", "geonames:2287781", "country", "CI", 8.0, -5.5,
              geo_precision=3, confidence=0.9, mentions=["Côte d’Ivoire"],
              country="Côte d'Ivoire"),
        Place("Mauritania", "Mauritania", "geonames:2378080", "country", "MR", 20.0, -10.0,
              geo_precision=3, confidence=0.9, mentions=["Mauritania"], country="Mauritania"),
        Place("Senegal", "Senegal", "geonames:2245662", "country", "SN", 14.5, -14.25,
              geo_precision=3, confidence=0.9, mentions=["Senegal"], country="Senegal"),
    ]


def routes() -> list[Route]:
    quote = ("Since September, JNIM has imposed a fuel blockade on the routes from "
             "Côte d’Ivoire, Mauritania and Senegal.")
    common = dict(to="Bamako", status="blockaded", since="2025-09", actor="JNIM", quote=quote)
    return [
        Route("dakar-bamako", "Dakar–Bamako corridor", "SN",
              coordinates=[(-17.4441, 14.6937), (-13.6673, 13.7707), (-11.4352, 14.4469),
                           (-10.0653, 13.7781), (-8.0, 12.65)],
              waypoints="Dakar; Tambacounda; Kayes; Kita; Bamako", **common),
        Route("abidjan-bamako", "Abidjan–Bamako corridor", "CI",
              coordinates=[(-4.0083, 5.36), (-5.2767, 6.8206), (-5.0303, 7.6939),
                           (-5.1976, 9.5928), (-7.4813, 11.4171), (-8.0, 12.65)],
              waypoints="Abidjan; Yamoussoukro; Bouaké; Ferkessédougou; Bougouni; Bamako",
              **common),
        Route("nouakchott-bamako", "Nouakchott–Bamako corridor", "MR",
              coordinates=[(-15.9785, 18.0858), (-9.6049, 16.6617), (-9.5985, 15.2299),
                           (-9.1843, 14.5417), (-8.0, 12.65)],
              waypoints="Nouakchott; Ayoun el Atrous; Nioro du Sahel; Diéma; Bamako", **common),
    ]


def build_report() -> Report:
    """The Mali November 2025 story as mapper records."""
    return Report(places=places(), incidents=incidents(), routes=routes(),
                  unresolved=["Independence Square"], source=SOURCE, published=PUBLISHED,
                  title="Influencer executed in Tonka; workers abducted near Kobri")
