"""Stored search keys recomputed: the search rule now reads hangul in the southern orthography
(룡강 and 용강 key alike), so every key made from hangul changes. Two counties take the hangul
the DPRK writes, as the corrected gazetteer has it, so a reload of the seed finds them."""

from django.db import migrations

from sites.names import dprk_spelling, revised_romanization
from sites.search import search_keys, split_aliases


# The gazetteer's corrections: (province ISO code, hangul stored, hangul as the DPRK writes it).
CORRECTED_HANGUL = [("KP-08", "이원군", "리원군"), ("KP-08", "낙원군", "락원군")]


def recompute(apps, schema_editor):
    county_model = apps.get_model("sites", "County")
    for iso_code, stored, corrected in CORRECTED_HANGUL:
        county_model.objects.filter(province__iso_code=iso_code, name_ko=stored).update(
            name_ko=corrected
        )
    for name in ("Province", "County"):
        model = apps.get_model("sites", name)
        places = list(model.objects.all())
        for place in places:
            place.name_rr = revised_romanization(place.name_ko)
            place.name_dprk = dprk_spelling(place.name_ko)
            place.search_keys = search_keys(
                [
                    place.name,
                    place.name_ko,
                    place.name_mr,
                    place.name_rr,
                    place.name_dprk,
                    *split_aliases(place.aliases),
                ]
            )
        model.objects.bulk_update(places, ["name_rr", "name_dprk", "search_keys"], batch_size=500)
    factory_model = apps.get_model("sites", "Factory")
    factories = list(factory_model.objects.only("pk", "name"))
    for factory in factories:
        factory.search_keys = search_keys([factory.name])
    factory_model.objects.bulk_update(factories, ["search_keys"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("sites", "0005_factory_text_trigram_indexes")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
