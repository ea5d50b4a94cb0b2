"""The VBA module of the Zelftest (vba/PartnerkeuzeSelfTest.bas) with the worksheet functions to
calculate filled in from addin/selftest.py's UDF_CASES, so the two never differ."""

from __future__ import annotations

from partnerkeuze.app.addin.vba_text import VBA_DIR, source_text

MARKER = "' @UDF_CASES@"


def _vba_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def udf_cases_function() -> str:
    """UdfCase(i, name, formula): the i-th worksheet function of the self-test (1-based), False
    after the last."""
    from partnerkeuze.app.addin.selftest import UDF_CASES

    lines = ["Private Function UdfCase(ByVal i As Integer, ByRef udfName As String, "
             "ByRef udfFormula As String) As Boolean",
             "    ' Generated from partnerkeuze/app/addin/selftest.py (UDF_CASES).",
             "    UdfCase = True",
             "    Select Case i"]
    for n, case in enumerate(UDF_CASES, start=1):
        lines.append(f"        Case {n}: udfName = {_vba_string(case.name)}: "
                     f"udfFormula = {_vba_string(case.formula)}")
    lines += ["        Case Else: UdfCase = False", "    End Select", "End Function"]
    return "\n".join(lines)


def selftest_module() -> str:
    """The PartnerkeuzeSelfTest module as the add-in holds it."""
    text = source_text(VBA_DIR / "PartnerkeuzeSelfTest.bas")
    if text.count(MARKER) != 1:
        raise ValueError(f"PartnerkeuzeSelfTest.bas: {MARKER} must occur once")
    return text.replace(MARKER, udf_cases_function())
