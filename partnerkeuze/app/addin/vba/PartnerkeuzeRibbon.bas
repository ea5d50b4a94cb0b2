Attribute VB_Name = "PartnerkeuzeRibbon"
' Partnerkeuze: the one callback of every button on the Partnerkeuze ribbon tab.
' It passes the button's id and the add-in's file name (for its settings sheet, whatever the
' file is called) to Python; partnerkeuze.app.addin.ribbon.on_ribbon does the work.
Option Explicit

Public Sub OnRibbon(control As IRibbonControl)
    If control.Id = "selftest" Then
        RunSelfTest ' its own workbooks and folder; it runs the Python side itself
        Exit Sub
    End If
    If ActiveWorkbook Is Nothing Then
        If control.Id <> "new_call" And control.Id <> "diagnose" Then
            MsgBox "Open eerst de werkmap van de oproep en klik dan opnieuw.", vbInformation, "Partnerkeuze"
            Exit Sub
        End If
        Workbooks.Add
    End If
    RunPython "import partnerkeuze.app.addin.ribbon as r; r.on_ribbon('" & control.Id & "', '" & _
        Replace(ThisWorkbook.Name, "'", "\'") & "')"
    Application.StatusBar = False
End Sub
