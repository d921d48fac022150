"""ACLED's vocabulary: export columns in order, event types and sub-types.

Source: the ACLED Codebook (last updated 3 October 2024) and ACLED's 2023 column-change
guide; see ``shared/research/mapping-anchors.md`` section 1.
"""
from __future__ import annotations

__all__ = ["ACLED_COLUMNS", "SUB_EVENT_TYPES", "DISORDER_TYPE"]

#: The 31 columns of a current ACLED export, in order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

#: event type -> its sub-event types, in the codebook's hierarchy order.
SUB_EVENT_TYPES = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory",
                "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention",
                 "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"),
}

DISORDER_TYPE = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}
