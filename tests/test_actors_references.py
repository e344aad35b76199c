"""References inside a document (actors.references): what a pronoun or definite phrase refers back to."""
from __future__ import annotations

import pytest

from coded import as_edge
from coded import edges as _edges_of


@pytest.mark.parametrize("mention, context, country, sector", [
    ("the ministry", "Brazil's Ministry of Mines and Energy published the auction rules on Monday.", "BRA", "GOV"),
    ("the company", "Rosneft reported lower profits for the quarter.", "RUS", "BUS"),
    ("the army", "Chad's transitional leader visited the border region on Sunday.", "TCD", "MIL"),
    ("the alliance", "NATO defence ministers met in Brussels to discuss air defence.", "IGO", None),
    ("the kingdom", "Morocco opened a consulate in the Sahara region.", "MAR", "GOV"),
    ("the foreign minister", "Chile recalled its ambassador from Caracas on Monday.", "CHL", "GOV"),
    ("she", "New Zealand Foreign Minister Winston Peters met his Chinese counterpart.", "NZL", None),
])
def test_definite_phrase_or_pronoun_refers_back_to_the_entity_named_earlier(resolver, mention, context, country,
                                                                             sector):
    actor = resolver.resolve(mention, context)
    assert actor.country == country
    if sector:
        assert actor.sector[:1] == (sector,)


def test_an_institution_noun_refers_back_to_the_body_of_its_kind_named_last(resolver):
    """"the agency" after a news agency and then an intelligence service: the service, named last, though only
    the news agency's phrase has the word "agency" in it."""
    context = ("North Korea's state news agency KCNA carried the leader's speech. South Korea's National "
               "Intelligence Service told lawmakers that troops had been rotated through the front.")
    actor = resolver.resolve("the agency", context)
    assert (actor.country, actor.sector[:1]) == ("KOR", ("SPY",))


def test_a_described_state_is_the_one_the_text_is_about_more_than_one_named_in_passing(resolver):
    """Jordan is named twice, Britain once, as the subject of the sentence just before: "the kingdom" is the
    story's kingdom."""
    context = ("Jordan hosted Syrian refugees for a decade. Jordan's aid budget has shrunk since 2020. "
               "Britain pledged new funds on Monday.")
    assert resolver.resolve("the kingdom", context).country == "JOR"


def test_the_president_is_the_person_given_that_title_earlier(resolver):
    context = "Chilean President Gabriel Boric arrived in Lima for the summit."
    actor = resolver.resolve("the president", context)
    assert (actor.country, actor.name) == ("CHL", "Gabriel Boric")


def test_a_noun_that_names_no_institution_does_not_refer_back(resolver):
    context = "Russian talks with the delegation ended without agreement."
    assert resolver.resolve("the talks", context).country is None


def test_the_two_countries_are_the_two_states_named_last(resolver):
    doc = resolver.nlp("Vietnam and Laos signed a rail deal. The two countries will share the costs.")
    index = resolver.index(doc)
    head = next(t for t in doc if t.lower_ == "countries")
    assert [a.country for a in index.resolve_all(head)] == ["VNM", "LAO"]


def test_reference_needs_a_definite_article_or_a_pronoun(resolver):
    doc = resolver.nlp("Kenya sent a ministry delegation. The ministry said it would report back.")
    index = resolver.index(doc)
    first, second = [t for t in doc if t.lower_ == "ministry"]
    assert not index.refs.is_reference(first)
    assert index.refs.is_reference(second)
    assert index.refs.resolve(second).country == "KEN"


def test_we_in_a_governments_own_statement_is_that_government(coder):
    from blocwatch.model import Document

    text = "We condemn North Korea's latest missile launch."
    ministry = coder.code(Document(id="m", text=text, outlet="Ministry of Foreign Affairs of Vietnam")).events
    assert [(e.type, [a.country for a in e.actor]) for e in ministry if e.type == "ACCUSE"] == [("ACCUSE", ["VNM"])]


def test_we_in_a_newspaper_is_not_its_state(coder):
    from blocwatch.model import Document

    text = "We condemn North Korea's latest missile launch."
    assert not coder.code(Document(id="n", text=text, outlet="The Korea Herald")).events


@pytest.mark.parametrize("text, owner", [
    # a phrase on a verb of help or giving: the party helped or given to
    ("Belarus is aiding Moscow in its war against Kyiv.", "RUS"),
    ("Greece supported Cyprus in its dispute with Turkey.", "CYP"),
    ("Iran delivered drones to Moscow for use in its war against Kyiv.", "RUS"),
    ("Belarus supplied Moscow with shells for its war against Kyiv.", "RUS"),
    # a phrase on a noun with a possessive state: that state
    ("Britain criticised Iran's use of drones in its campaign against Israel.", "IRN"),
    # a phrase on a noun of giving: the party given to
    ("Germany's shipment of tanks to Ukraine for its defence angered Moscow.", "UKR"),
    # a for-phrase on a verb: the party praised or blamed
    ("China criticised the United States for its support of Taiwan.", "USA"),
    ("Britain praised Qatar for its mediation between Israel and Hamas.", "QAT"),
])
def test_its_in_a_phrase_is_the_party_the_phrase_is_about_not_the_subject(resolver, text, owner):
    doc = resolver.nlp(text)
    its = next(t for t in doc if t.lower_ == "its")
    assert resolver.index(doc).resolve(its).country == owner


def test_its_on_another_verb_keeps_the_subject(resolver):
    """"criticised Chile in its report": the report is the critic's, not the criticised party's."""
    doc = resolver.nlp("Peru criticised Chile in its annual report.")
    index = resolver.index(doc)
    its = next(t for t in doc if t.lower_ == "its")
    assert index.resolve(its).country == "PER"


def test_a_helper_is_not_the_attacker_in_the_helped_partys_war(code):
    edges = {(tuple(a.country for a in e.actor), tuple(a.country for a in e.recipient), e.type)
             for e in code("Belarus is aiding Moscow in its war against Kyiv.")}
    assert (("BLR",), ("RUS",), "AID") in edges
    assert (("BLR",), ("UKR",), "ASSAULT") not in edges


@pytest.mark.parametrize("text, code_", [
    ("UN special envoy Mary Robinson met the Sudanese leader.", "UNO"),
    ("EU trade commissioner Cecilia Malmstrom met Japanese officials.", "EUR"),
])
def test_a_title_naming_an_international_body_says_whom_the_person_acts_for(coder, text, code_):
    from blocwatch.model import Document
    events = coder.code(Document(id="t", text=text)).events
    assert any(code_ in {a.country for a in e.actor} for e in events), [(e.type, [a.country for a in e.actor]) for e in events]


def test_the_head_noun_names_a_minister_s_sector(coder):
    from blocwatch.model import Document
    events = coder.code(Document(id="t", text="Italy's armed forces minister will visit Tunis next month.")).events
    assert any(e.type == "AGREE" and {a.country for a in e.actor} == {"ITA"} for e in events), \
        [(e.type, [a.country for a in e.actor]) for e in events]


def test_the_group_refers_to_the_last_armed_group_or_body_whichever_came_last(code):
    text = ("A UN panel said al-Shabaab received rifles from Eritrea. "
            "The United States has designated the group a terrorist organisation.")
    sanctions = [e for e in code(text) if e.type == "SANCTION"]
    assert sanctions and {a.country for a in sanctions[0].recipient} == {"SOM"}, \
        [(e.type, [a.country for a in e.recipient]) for e in code(text)]


@pytest.mark.parametrize("text, speaker, pair", [
    ("Armenia and Azerbaijan clashed on the border. Iran, which has mediated between the two neighbours, "
     "urged both sides to show restraint.", "IRN", {"ARM", "AZE"}),
    ("Sudan and Chad closed the border. The African Union and Egypt urged both governments to reopen it.",
     "EGY", {"SDN", "TCD"}),
])
def test_both_sides_are_the_two_named_before_other_than_the_clause_s_subject(code, text, speaker, pair):
    requests = [e for e in code(text) if e.type == "REQUEST" and speaker in {a.country for a in e.actor}]
    assert requests and {a.country for a in requests[0].recipient} == pair, \
        [(e.type, [a.country for a in e.actor], [a.country for a in e.recipient]) for e in code(text)]


def test_the_two_countries_are_states_named_as_parties_before_a_nationality_word_on_another_noun(resolver):
    doc = resolver.nlp("Belarus sent instructors to help Russia push Ukrainian units back, citing the security pact "
                       "between the two countries.")
    head = next(t for t in doc if t.lower_ == "countries")
    assert {a.country for a in resolver.index(doc).resolve_all(head)} == {"BLR", "RUS"}


def test_the_two_countries_named_by_nationality_words_alone_are_still_found(resolver):
    doc = resolver.nlp("Ukrainian and Russian officials met in Istanbul. The two countries agreed to swap prisoners.")
    head = next(t for t in doc if t.lower_ == "countries")
    assert {a.country for a in resolver.index(doc).resolve_all(head)} == {"UKR", "RUS"}


def test_the_subject_of_an_infinitive_s_governing_verb_is_not_one_of_the_two(resolver):
    doc = resolver.nlp("Peru accused Ecuador of violating the border. Brazil has offered to mediate between "
                       "the two governments.")
    head = next(t for t in doc if t.lower_ == "governments")
    assert {a.country for a in resolver.index(doc).resolve_all(head)} == {"PER", "ECU"}


def _referent(resolver, text: str, head: str) -> str | None:
    doc = resolver.nlp(text)
    token = next(t for t in doc if t.lower_ == head)
    actor = resolver.index(doc).resolve(token)
    return actor.country if actor is not None else None


@pytest.mark.parametrize("text, head, country", [
    # the nearer state (Moscow, the clause's own subject's side) does not fit "Central Asian"
    ("Russia signed a gas deal with Uzbekistan. Moscow will also help the Central Asian country build a dam.",
     "country", "UZB"),
    ("Egypt accused Qatar of funding militias. Cairo said the Gulf state had ignored its warnings.", "state", "QAT"),
    ("India pledged loans to Nepal. The landlocked nation depends on Indian ports.", "nation", "NPL"),
    # more than one description: the state must fit them all
    ("Japan and Fiji signed a fisheries pact. The Pacific island nation will get patrol boats.", "nation", "FJI"),
    # the noun itself describes: "the emirate"
    ("Iran and Qatar share a gas field. The emirate said talks would continue.", "emirate", "QAT"),
])
def test_a_described_state_is_the_last_state_named_that_fits_the_description(resolver, text, head, country):
    assert _referent(resolver, text, head) == country


def test_a_description_no_state_named_before_fits_refers_to_none_of_them(resolver):
    text = "Brazil criticised Argentina's tariffs. The Balkan country said it would appeal."
    assert _referent(resolver, text, "country") is None


def test_a_phrase_describing_nothing_the_table_holds_is_read_like_the_country(resolver):
    described = "China shipped grain to North Korea. The isolated nation faces food shortages."
    plain = "China shipped grain to North Korea. The nation faces food shortages."
    assert _referent(resolver, described, "nation") == _referent(resolver, plain, "nation") is not None


def test_descriptions_are_data_checked_when_loaded(tmp_path):
    from blocwatch.actors.references import load_descriptions
    from blocwatch.errors import DataFileError
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "descriptors.yaml").write_text("regions:\n  baltic: [EST, Latvia]\n")
    with pytest.raises(DataFileError, match="three capital letters"):
        load_descriptions(str(tmp_path))


def test_state_media_naming_no_state_is_the_outlet_of_the_state_the_sentence_is_about(code):
    events = code("Iran seized a Greek tanker in the Gulf of Oman, state-run television said.")
    seizure = [e for e in events if e.type == "COERCE"]
    # the seizing state's own outlet: its own statement (GUIDELINE 4)
    assert seizure and seizure[0].status == "asserted", [(e.type, e.status) for e in events]


def test_state_media_of_a_named_state_stays_that_state_s(code):
    events = code("Japan protested to China on Monday, Chinese state media said.")
    assert all(e.source is None or e.source.country == "CHN" for e in events), \
        [(e.type, e.status, e.source) for e in events]


@pytest.mark.parametrize("text, word, country", [
    # a title of an international body's officer stands for the body the text names, the UN first
    ("The Security Council met on Monday. Thank you, Special Envoy Ortega, for your briefing.", "Ortega", "UNO"),
    ("The African Union and the UN met in Addis. The Secretary-General spoke first.", "General", "UNO"),
    ("The African Union met in Addis. Special Envoy Ortega spoke first.", "Ortega", "IGO"),
    # a title with its own state or body resolves by its own words
    ("The Security Council met. U.S. Special Envoy Ortega spoke first.", "Ortega", "USA"),
])
def test_an_officer_title_stands_for_the_body_named(coder, text, word, country):
    doc = coder.nlp(text)
    index = coder.resolver.index(doc, None)
    token = next(t for t in doc if t.text == word)
    assert [a.country for a in index.resolve_all(token)] == [country]


def test_thanking_the_one_addressed_in_a_government_statement_is_support(coder):
    from blocwatch.model import Document

    text = "The Security Council met on Monday. Thank you, Special Envoy Ortega, for your briefing."
    events = coder.code(Document(id="r", text=text, outlet="United States Mission to the United Nations")).events
    assert [(e.type, [a.country for a in e.actor], [a.country for a in e.recipient]) for e in events] == \
        [("SUPPORT", ["USA"], ["UNO"])]


@pytest.mark.parametrize("text, word, country", [
    ("The United States called on all parties in Sudan to accept the ceasefire.", "parties", "SDN"),
    ("Brazil accused Argentina of supplying rifles to the rebels in Paraguay.", "rebels", "PRY"),
    ("Ukraine said the troops in Ukraine were Russian.", "troops", None),  # forces are not where they are
])
def test_the_sides_of_an_internal_conflict_are_the_states(coder, text, word, country):
    doc = coder.nlp(text)
    actor = coder.resolver.index(doc, None).resolve(next(t for t in doc if t.text == word))
    assert (actor.country if actor is not None else None) == country


def test_a_reference_that_would_name_the_actor_names_another_party(code):
    """No one acts on itself: "the junta" in Russia's own clause is the junta named before Russia."""
    events = code("Myanmar's military seized power in 2021. Russia is the junta's main supplier of jets.")
    assert [(e.type, [a.country for a in e.actor], [a.country for a in e.recipient]) for e in events] == \
        [("AID", ["RUS"], ["MMR"])]


def test_an_object_pronoun_is_not_its_clauses_subject(code):
    events = code("Seoul raised the issue with Moscow and urged it to abide by UN resolutions.")
    assert ("REQUEST", ["KOR"], ["RUS"]) in [(e.type, [a.country for a in e.actor], [a.country for a in e.recipient])
                                            for e in events]


@pytest.mark.parametrize("text, rejected", [
    ("The Security Council debated a draft on Haiti. Brazil and Chile opposed the resolution.", "UNO"),
    ("The African Union met in Addis Ababa. Egypt voted against the resolution.", "IGO"),
    ("Egypt voted against the resolution.", None),  # no body named: no one
])
def test_the_resolution_is_the_body_the_text_names(code, text, rejected):
    recipients = {a.country for e in code(text) if e.type == "REJECT" for a in e.recipient}
    assert recipients == ({rejected} if rejected else set())


def test_a_numbered_group_refers_back_to_a_list_of_as_many_states(code):
    events = code("Mali, Burkina Faso and Niger expelled French forces with Russian help. "
                  "ECOWAS invited the three countries to resume talks.")
    invited = [e for e in events if {a.country for a in e.actor} == {"IGO"}]
    assert invited and {a.country for a in invited[0].recipient} == {"MLI", "BFA", "NER"}


def test_a_numbered_group_described_by_one_state_is_still_the_list_and_joins_a_coordination(code):
    """"Former Yugoslav" names one state, the group five: the five listed before, with Brussels beside them."""
    events = code("Slovenia, Croatia, Bosnia, Serbia and Montenegro sent envoys. "
                  "The EU and the leaders of the five former Yugoslav republics will meet in Zagreb in May.")
    meeting = [e for e in events if "EUR" in {a.country for a in e.actor}]
    assert meeting and {a.country for a in meeting[0].actor} == {"EUR", "SVN", "HRV", "BIH", "SRB", "MNE"}, meeting


def test_a_numbered_group_with_no_list_of_its_size_names_no_one(coder):
    doc = coder.nlp("Russia, China and Iran held drills. The four countries signed a pact.")
    four = next(t for t in doc if t.text == "countries" and t.i > 6)
    assert coder.resolver.index(doc, None).resolve_all(four) == []


def test_a_group_the_description_fits_exactly_is_those_states(coder):
    doc = coder.nlp("Xi met the leaders of the five Central Asian states.")
    leaders = next(t for t in doc if t.text == "leaders")
    found = {a.country for a in coder.resolver.index(doc, None).resolve_all(leaders)}
    assert found == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


@pytest.mark.parametrize("text, accuser", [
    ("Human rights groups have accused Russian fighters of killing civilians in Mali.", "NGO"),
    ("Aid agencies accused Israel of blocking convoys.", "NGO"),
])
def test_an_unnamed_non_state_body_is_its_non_state_code(code, text, accuser):
    assert any(a == {accuser} and t == "ACCUSE" for a, _, t in _edges_of(code(text)))


def test_a_body_with_a_nationality_stays_that_states(resolver):
    actor = resolver.resolve("Russian rights groups")
    assert actor.country == "RUS"


def test_a_traveller_takes_part_in_what_he_comes_for(code):
    events = code("Xi arrived in Astana for a summit with the leaders of the five Central Asian states.")
    # one summit: the traveller and the five leaders all meet (GUIDELINE 2: talks list every participant)
    summit = [e for e in events if e.type == "CONSULT" and len(e.actor) == 6 and not e.recipient]
    assert summit and "CHN" in {a.country for a in summit[0].actor}


def test_what_is_sent_for_a_war_is_not_the_senders_war(code):
    edges = _edges_of(code("Iran sent drones to Russia for the war."))
    assert (frozenset({"IRN"}), frozenset({"RUS"}), "AID") in edges
    assert not any(a == {"IRN"} and t == "ASSAULT" for a, _, t in edges), edges


def test_both_leaders_called_are_not_the_caller_and_them_refers_to_the_pair(coder):
    doc = coder.nlp("Thailand's army said Cambodian troops had opened fire, while Cambodia's ministry blamed Thai "
                    "forces. Malaysian Prime Minister Anwar Ibrahim, whose country hosted the ceasefire talks, "
                    "phoned both leaders on Tuesday and urged them to respect the truce.")
    index = coder.resolver.index(doc, None)
    leaders = next(t for t in doc if t.text == "leaders")
    them = next(t for t in doc if t.text == "them")
    assert {a.country for a in index.resolve_all(leaders)} == {"THA", "KHM"}
    assert {a.country for a in index.resolve_all(them)} == {"THA", "KHM"}


@pytest.mark.parametrize("text", [
    # two states named together are preferred to the last two named
    "Moscow and Pyongyang had declined to confirm it. Seoul's foreign ministry condemned the admission, saying the "
    "two countries were violating UN resolutions.",
    # "they" as subject does not keep its own state out of the pair
    "North Korea said it had sent troops to help Russia drive Ukrainian forces out of Kursk, with Kim Jong Un saying "
    "they had fought under the treaty between the two countries.",
])
def test_the_two_countries_are_the_pair_named_together(coder, text):
    doc = coder.nlp(text)
    two = next(t for t in doc if t.text == "countries")
    assert {a.country for a in coder.resolver.index(doc, None).resolve_all(two)} == {"RUS", "PRK"}


@pytest.mark.parametrize("text, word, state", [
    ("Myanmar's military seized power in 2021. Russia and China supplied weapons to the junta.", "junta", "MMR"),
    ("Russia delivered jets to Myanmar's military. Russia and China remained the junta's main suppliers.",
     "junta", "MMR"),
    ("The IAEA said its inspectors had left. Iran's parliament suspended cooperation with the agency.",
     "agency", "IGO"),
    ("The UAE denied sending weapons to the RSF.", "RSF", "SDN"),
])
def test_juntas_agencies_and_armed_groups_named_short(coder, text, word, state):
    doc = coder.nlp(text)
    token = [t for t in doc if t.text == word][-1]
    assert coder.resolver.index(doc, None).resolve(token).country == state


def test_both_leaders_a_speaker_spoke_to_are_not_the_speakers(coder):
    doc = coder.nlp("Cambodia accused Thailand of using cluster munitions. U.S. President Donald Trump said he "
                    "had spoken to both leaders.")
    leaders = next(t for t in doc if t.text == "leaders")
    assert {a.country for a in coder.resolver.index(doc, None).resolve_all(leaders)} == {"KHM", "THA"}


def test_a_particular_state_noun_refers_back_to_the_phrase_that_named_it(coder):
    doc = coder.nlp("Myanmar's junta seized power in 2021. China's foreign ministry defended Beijing's arms trade. "
                    "ASEAN has barred the junta's leaders from its summits.")
    junta = [t for t in doc if t.text == "junta"][-1]
    assert coder.resolver.index(doc, None).resolve(junta).country == "MMR"


def test_he_after_a_titled_subject_is_that_office_holders_state(code):
    events = code("Iran's foreign minister visited Moscow on Tuesday. He met his Russian counterpart.")
    assert any(e.type == "CONSULT" and {a.country for a in e.actor} == {"IRN", "RUS"} for e in events)


@pytest.mark.parametrize("text, country", [
    ("Congo's U.N. ambassador", "COD"),
    ("Iran's UN envoy", "IRN"),
    ("UN envoy Julie Bishop", "UNO"),
])
def test_a_states_envoy_to_a_body_acts_for_the_state(resolver, text, country):
    assert resolver.resolve(text).country == country


@pytest.mark.parametrize("text, edge", [
    ("Jihadist groups linked to al Qaeda have killed more than 400 Malian soldiers since January.",
     ({"IMG"}, {"MLI"}, "ASSAULT")),
    ("The United States designated the ELN a terrorist organisation in 1997.", ({"USA"}, {"COL"}, "SANCTION")),
])
def test_unnamed_militant_groups_are_img_but_not_as_a_label(code, text, edge):
    assert _edges_of(code(text)) == {as_edge(*edge)}


def test_an_object_pronoun_of_a_verb_sharing_its_subject_is_the_party_named_before_it(code):
    edges = _edges_of(code("North Korean workers are being sent to Russia. Seoul raised the matter with Moscow "
                           "and urged it to abide by UN resolutions."))
    assert (frozenset({"KOR"}), frozenset({"RUS"}), "REQUEST") in edges, edges


@pytest.mark.parametrize("text, members", [
    ("Japan's trade with Central Asia doubled last year.", {"KAZ", "KGZ", "TJK", "TKM", "UZB"}),
    ("Germany will send more troops to the Baltic states.", {"EST", "LVA", "LTU"}),
])
def test_a_small_region_named_as_a_party_is_each_of_its_states(code, text, members):
    assert any({a.country for a in e.recipient} == members or {a.country for a in e.actor} >= members
               for e in code(text)), [(e.type, e.actor, e.recipient) for e in code(text)]


def test_we_in_a_joint_statement_is_every_government_it_is_delivered_for(coder):
    from blocwatch.model import Document

    text = ("The following is a joint statement delivered by the U.S. Representative on behalf of Japan, Canada and "
            "Norway. We condemn Iran's destabilizing behavior in the region.")
    events = coder.code(Document(id="j", text=text, outlet="U.S. Mission to the United Nations")).events
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and {a.country for a in accusations[0].actor} == {"USA", "JPN", "CAN", "NOR"}
    assert {a.country for a in accusations[0].recipient} == {"IRN"}


def test_the_parties_a_joint_statement_is_about_do_not_deliver_it(coder):
    from blocwatch.model import Document

    text = ("I am here with my colleagues from France and Ukraine to deliver a joint statement on the growing military "
            "cooperation between Russia and Iran. We condemn Russia's brutal war.")
    doc = coder.nlp(text)
    index = coder.resolver.index(doc, None)
    assert index.co_issuers == []  # not a government's own statement: no issuer, no co-issuers
    events = coder.code(Document(id="k", text=text, outlet="U.S. Mission to the United Nations")).events
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and {a.country for a in accusations[0].actor} == {"USA", "FRA", "UKR"}, accusations


@pytest.mark.parametrize("text, actor", [
    ("Russia has sent warships to Cuba. The U.S. Commerce Department's office said it was weighing tariffs on "
     "Cuban cigars.", "USA"),
    ("Iran exports most of its oil to Asia. India, which buys Iranian crude, has said it does not recognise "
     "unilateral U.S. sanctions.", "IND"),
])
def test_it_in_what_a_body_or_state_says_is_that_speaker(code, text, actor):
    """"X said it would ...": the speaker's own phrase names it, not a state named in a clause on the speaker."""
    events = code(text)
    assert any(actor in {a.country for a in e.actor} for e in events if e.type in ("THREATEN", "REJECT")), \
        [(e.type, [a.country for a in e.actor], [a.country for a in e.recipient]) for e in events]


def test_the_two_countries_after_others_named_one_by_one_are_the_pair_the_text_opens_with(resolver):
    """A news lead names the pair the text is about; "the two countries" later, with no two states named
    together just before, is that pair, not the last two states named in passing."""
    doc = resolver.nlp("MANILA, May 2 -- Peru and Bolivia signed a border accord on Friday in Lima. Brazil's "
                       "foreign ministry welcomed the accord, and an adviser to Mexico's president called it "
                       "overdue. The two countries fought over the Atacama coast in the nineteenth century.")
    two = next(t for t in doc if t.text == "countries")
    assert {a.country for a in resolver.index(doc).resolve_all(two)} == {"PER", "BOL"}


def test_the_sides_a_state_urges_do_not_include_that_state(resolver):
    """"Washington urged both sides": the United States named just before with another party is not one of the
    sides it urges."""
    doc = resolver.nlp("Kenya and Tanzania settled their dispute over the lake. The African Union and the United "
                       "States welcomed the settlement, and Washington urged both sides to carry it out.")
    sides = next(t for t in doc if t.text == "sides")
    assert {a.country for a in resolver.index(doc).resolve_all(sides)} == {"KEN", "TZA"}


def test_the_two_leaders_are_the_leaders_of_the_lead_not_a_state_named_as_a_destination(resolver):
    doc = resolver.nlp("Indian Prime Minister Narendra Modi arrived in Canberra on Monday for a visit to Australia "
                       "that will also take him to Fiji. Modi and Anthony Albanese are due to sign a "
                       "migration accord. Australia already takes in more Indian students than any other country "
                       "but Canada. The two leaders also agreed to hold annual summits.")
    two = next(t for t in doc if t.text == "leaders" and t.i > 30)
    assert {a.country for a in resolver.index(doc).resolve_all(two)} == {"IND", "AUS"}


@pytest.mark.parametrize("text, word", [
    # a number standing for the group
    ("Mali, Burkina Faso and Niger left the bloc in January. All three have expelled French troops.", "three"),
    ("Mali, Burkina Faso and Niger left the bloc in January. Since then the three have courted Moscow.", "three"),
    # a plural group noun with nothing of its own but the article
    ("Mali, Burkina Faso and Niger left the bloc in January. The juntas signed a defence charter in March.", "juntas"),
])
def test_a_group_named_by_a_number_or_a_bare_plural_is_the_list_named_just_before(resolver, text, word):
    doc = resolver.nlp(text)
    group = next(t for t in doc if t.text == word)
    assert [a.country for a in resolver.index(doc).resolve_all(group)] == ["MLI", "BFA", "NER"]


def test_a_number_that_counts_people_is_no_group_of_states(resolver):
    doc = resolver.nlp("Chad, Niger and Mali reported attacks on Monday. Three were killed near the border.")
    three = next(t for t in doc if t.text == "Three")
    assert resolver.index(doc).resolve_all(three) == []
