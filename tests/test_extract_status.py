"""Status and attribution, one rule per test (GUIDELINE.md section 1 and 4), on sentences written here."""
from __future__ import annotations


def _only(events, type_=None):
    found = [e for e in events if type_ is None or e.type == type_]
    assert found, f"no {type_ or ''} event in {[(e.type, e.status) for e in events]}"
    return found[0]


def test_plain_statement_is_asserted(code):
    ev = _only(code("China shipped fertilizer to North Korea in May."), "AID")
    assert ev.status == "asserted" and ev.source is None


def test_reportedly_marks_claim_reported_with_unnamed_source(code):
    ev = _only(code("Cambodia reportedly sent rice to Myanmar last month."), "AID")
    assert ev.status == "reported" and ev.source.country is None


def test_reporting_verb_makes_its_subject_the_source(code):
    ev = _only(code("Japanese officials said that Iran supplied drones to Russia."), "AID")
    assert (ev.status, ev.source.country) == ("reported", "JPN")


def test_according_to_names_the_source(code):
    ev = _only(code("According to Indian diplomats, Nepal asked China for loans."), "REQUEST")
    assert (ev.status, ev.source.country) == ("reported", "IND")


def test_own_statement_about_own_action_is_asserted(code):
    ev = _only(code("Poland said it had sent tanks to Ukraine."), "AID")
    assert ev.status == "asserted"


def test_could_makes_event_hypothetical(code):
    ev = _only(code("Turkey could impose sanctions on Syria."))
    assert ev.status == "hypothetical"


def test_if_clause_makes_its_event_hypothetical(code):
    events = code("Analysts warn of fallout if Venezuela supplies oil to Cuba.")
    assert _only(events, "AID").status == "hypothetical"


def test_hedge_in_subordinate_clause_does_not_hedge_main_clause(code):
    events = code("Kenya sent troops to Haiti, although Somalia might object.")
    assert _only(events, "AID").status == "asserted"


def test_negation_marks_event_denied(code):
    ev = _only(code("Brazil did not send troops to Argentina."), "AID")
    assert ev.status == "denied"


def test_denial_verb_makes_embedded_event_denied_with_denier_as_source(code):
    ev = _only(code("Belarus denied supplying weapons to Russia."), "AID")
    assert (ev.status, ev.source.country) == ("denied", "BLR")


def test_denying_reports_makes_the_reported_event_denied(code):
    ev = _only(code("Pyongyang denied reports that it had sold missiles to Iran."))
    assert ev.status == "denied" and ev.source.country == "PRK"


def test_accusation_makes_the_accused_act_reported_by_the_accuser(code):
    events = code("Germany accused Iran of supplying drones to Russia.")
    assert _only(events, "ACCUSE").status == "asserted"
    aid = _only(events, "AID")
    assert (aid.status, aid.source.country) == ("reported", "DEU")


def test_long_suspected_has_unnamed_source(code):
    ev = _only(code("Thailand has long been suspected of selling fuel to Myanmar's military."))
    assert ev.status == "reported" and ev.source.country is None


def test_citing_outlet_makes_cited_party_the_source(code):
    ev = _only(code("The newspaper reported that Egypt bought wheat from Russia, citing Sudanese officials."))
    assert ev.status == "reported" and ev.source.country == "SDN"


def test_announced_future_aid_is_agree(code):
    ev = _only(code("Australia will provide $50 million to Fiji next year."))
    assert ev.type == "AGREE" and ev.status == "asserted"


def test_would_under_announcement_is_future_not_hypothetical(code):
    ev = _only(code("Canada announced on Monday that it would send medical teams to Chile."))
    assert (ev.type, ev.status) == ("AGREE", "asserted")


def test_quotation_spanning_sentences_is_the_speakers_claim(code):
    text = ("“Japan sold patrol boats to Vietnam last year. That was a good deal,” "
            "the Chinese ambassador said on Monday.")
    ev = _only(code(text), "COOPERATE")
    assert ev.status == "reported" and ev.source.country == "CHN"


def test_background_event_in_time_adjunct_is_not_part_of_the_claim(code):
    events = code("Peru said it had sent doctors to Bolivia before the Chilean invasion of Bolivia.")
    assert _only(events, "ASSAULT").status == "asserted"


def test_no_confirmation_does_not_deny_the_event(code):
    events = code("Ecuador has no confirmation that Colombia could send troops to Peru.")
    assert all(e.status != "denied" for e in events)


def test_no_plans_denies_the_planned_event(code):
    ev = _only(code("Norway has no plans to send weapons to Sudan."))
    assert ev.status == "denied"


def test_denied_claim_about_an_unnamed_supplier_is_the_deniers_act(code):
    events = code("Belarus rejected the statements of Lithuania regarding the supply of fuel to Russia.")
    statuses = {(e.status, e.source.country if e.source else None) for e in events if e.type == "AID"}
    assert ("denied", "BLR") in statuses and ("reported", "LTU") in statuses
    assert all(e.actor[0].country == "BLR" for e in events if e.type == "AID")


def test_he_in_quote_attribution_is_the_last_person_named(code):
    text = ("Indonesian President Prabowo Subianto spoke in Jakarta. He praised the talks. "
            "“Japan lent money to Fiji. That helps the region,” he said.")
    ev = _only(code(text), "AID")
    assert ev.status == "reported" and ev.source.country == "IDN"


def test_lead_sentence_takes_the_attribution_closing_the_next_sentence(code):
    text = ("Turkey has sold drones to Kenya. Nairobi plans to use them on its border, Reuters reported.\n\n"
            "Kenya sent troops to Haiti.")
    events = code(text)
    sold = _only(events, "COOPERATE")
    assert sold.status == "reported" and sold.source.country == "GBR"
    assert _only(events, "AID").status == "asserted"  # a new paragraph is not covered


def test_attribution_closing_the_sentence_reports_the_claim_even_when_attached_beside_it(code):
    ev = _only(code("Russia has asked Laos to send sappers to Kursk, Ukraine's military intelligence agency "
                    "said on Saturday, citing intercepted messages."), "REQUEST")
    assert ev.status == "reported" and ev.source.country == "UKR"


def test_charges_that_the_accused_deny_add_a_denied_copy(code):
    events = code("Kyiv has accused Minsk of supplying Moscow with fuel, charges that Minsk denies.")
    statuses = {(e.status, e.source.country if e.source else None) for e in events if e.type == "AID"}
    assert ("reported", "UKR") in statuses and ("denied", "BLR") in statuses


def test_readiness_to_act_is_an_announced_intention(code):
    ev = _only(code("Chile is ready to send aid to Bolivia."))
    assert ev.type == "AGREE" and ev.status == "asserted"
