"""The governance parts of the dossier as the college reads them (Word, via LibreOffice)."""

from __future__ import annotations

import re

from conftest import run_cli


def test_dossier_shows_sensitivity_second_round_dissent_conflicts_and_disagreement(demo_path,
                                                                                  tmp_path):
    from lo import docx_text_via_pdf

    out = run_cli("dossier", demo_path, "--out", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    text = re.sub(r"\s+", " ", docx_text_via_pdf(next((tmp_path / "out").glob("*.docx"))))
    assert "Dassa-Zoumé staat eerst in 99 % (± 0,1 procentpunt) van de aannemelijke wegingen " \
           "en op de shortlist in 100 % (± 0,0 procentpunt)" in text
    assert "Rangaanvaardbaarheid" in text and "Dassa-Zoumé (K05)" in text
    assert "Verankering: logboek" in text
    assert "blijft de shortlist dezelfde" in text
    assert "Geschiedenis van de criteria" in text and "An Peeters 328fd4cf" in text
    # one point per question (no run-on paragraph per candidate)
    assert "Dassa-Zoumé (K05)" in text
    assert "Draagvlak, enthousiasme en engagement: ja. De burgemeester" in text
    assert "Plaats 2 in het consensusoverleg" in text
    assert "Afwijkende mening. B3 (Fatima El Idrissi) over Bugesera (K04, plaats 2)" in text
    assert "Koen Janssens (B2) verklaarde een belangenconflict voor Ziguinchor (K07)" in text
    assert "Tiznit (K06), C03" in text and "B3 wijkt af" in text
    assert "De rangorde na de tweede, kwalitatieve ronde: 1. Dassa-Zoumé, 2. Bugesera, 3. Tarija" \
        in text
