Attribute VB_Name = "PartnerkeuzeFunctions"
' Generated from the docstrings in udfs/partnerkeuze_udfs.py: do not edit.
Option Explicit

' The outcome of RegisterFunctions, reported by the Zelftest.
Public MacroOptionsStatus As String

Public Sub RegisterFunctions()
    ' Descriptions for the function wizard; called when the add-in opens. An error is
    ' recorded with its number, never swallowed.
    Dim failures As String
    On Error Resume Next
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_CRITERIA_ONGEWIJZIGD", Description:="WAAR als de criteria nog overeenkomen met hun vastgelegde vingerafdruk.", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De rijen van de criteriatabel (alle kolommen, zonder kop).", "De vastgelegde vingerafdruk van de criteria.", "De standaard laagste score (standaard 0).", "De standaard hoogste score (standaard 5).")
    If Err.Number <> 0 Then failures = failures & "PK_CRITERIA_ONGEWIJZIGD: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_DEADLINE", Description:="Deadline van de oproep: een werkdag in België en in elk land (feestdagen en schoolvakanties).", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De startdatum van de oproep.", "De landen van de kandidaten (bereik of tekst met komma's).", "De looptijd in maanden (standaard 3).", "Extra dagen verlenging (standaard 0).")
    If Err.Number <> 0 Then failures = failures & "PK_DEADLINE: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_GEWICHTEN_CONTROLE", Description:="Controleert de gewichten: tellen ze op tot 100 % en hebben knock-outs geen gewicht?", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De gewichten van de criteria (een kolom, in procent).", "Optioneel: de soort van elk criterium (Score of Knock-out).")
    If Err.Number <> 0 Then failures = failures & "PK_GEWICHTEN_CONTROLE: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_GEWOGEN_SCORE", Description:="Gewogen score (0-100) van een kandidaat uit zijn scores en de gewichten.", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De scores van de kandidaat per criterium (een rij).", "De gewichten per criterium in dezelfde volgorde (een rij).", "De laagste score van de schaal (standaard 0).", "De hoogste score van de schaal (standaard 5).")
    If Err.Number <> 0 Then failures = failures & "PK_GEWOGEN_SCORE: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_RANG", Description:="Rang van elke score (1 = hoogste; gelijke scores delen de rang), als kolom.", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De gewogen scores van de kandidaten (een kolom).")
    If Err.Number <> 0 Then failures = failures & "PK_RANG: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_SHORTLIST", Description:="De shortlist: de ID's van de beste kandidaten, als kolom (meer bij gelijke stand).", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De ID's van de kandidaten (een kolom).", "Hun gewogen scores in dezelfde volgorde.", "Hoeveel kandidaten de shortlist telt (standaard 3).")
    If Err.Number <> 0 Then failures = failures & "PK_SHORTLIST: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!PK_WERKDAGEN", Description:="Aantal werkdagen tussen twee datums in België en het gegeven land.", Category:="Partnerkeuze", ArgumentDescriptions:=Array("De eerste dag (telt mee).", "De dag na de laatste dag (telt niet mee).", "Het land van de partner (naam uit de landenlijst).")
    If Err.Number <> 0 Then failures = failures & "PK_WERKDAGEN: fout " & Err.Number & " (" & Err.Description & "); ": Err.Clear
    On Error GoTo 0
    If failures = "" Then
        MacroOptionsStatus = "in orde: 7 functies beschreven"
    Else
        MacroOptionsStatus = "FOUT: " & failures
    End If
End Sub
