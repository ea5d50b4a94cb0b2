Attribute VB_Name = "PartnerkeuzeSelfTest"
' Partnerkeuze: the Zelftest button. It records what only Excel knows (its version and bitness,
' the outcome of Application.MacroOptions when the add-in opened, every worksheet function
' calculated in a cell, with its VBA error number) in zelftest-vba.txt in a new temporary
' folder, then runs the Python side through the ribbon's handler (partnerkeuze.app.addin.selftest):
' every other button on copies of the demo, and the report Zelftest-verslag.txt. When Python
' does not start, the report is written here, with the error. The user's workbooks are not used.
Option Explicit

Private Recorded As Collection

Private Function Clean(ByVal s As String) As String
    Clean = Replace(Replace(Replace(s, vbTab, " "), vbCr, " "), vbLf, " ")
End Function

Private Sub Record(ByVal kind As String, ParamArray parts() As Variant)
    Dim i As Long, s As String
    s = kind
    For i = LBound(parts) To UBound(parts)
        s = s & vbTab & Clean(CStr(parts(i)))
    Next i
    Recorded.Add s
End Sub

Private Sub WriteRecorded(ByVal path As String, ByVal title As String)
    Dim f As Integer, item As Variant
    f = FreeFile
    Open path For Output As #f
    If title <> "" Then Print #f, title
    For Each item In Recorded
        Print #f, item
    Next item
    Close #f
End Sub

Private Function PyString(ByVal s As String) As String
    ' A Python string literal of s.
    PyString = "'" & Replace(Replace(s, "\", "\\"), "'", "\'") & "'"
End Function

Private Function CellText(ByVal v As Variant, ByVal cell As Range) As String
    ' A cell's value as the report compares it: numbers with a point, TRUE or FALSE, #errors.
    If IsError(v) Then
        CellText = cell.Text
    ElseIf VarType(v) = vbBoolean Then
        If v Then CellText = "TRUE" Else CellText = "FALSE"
    ElseIf IsNumeric(v) And VarType(v) <> vbString Then
        CellText = Trim(Str(v))
    Else
        CellText = CStr(v)
    End If
End Function

' @UDF_CASES@

Public Sub RunSelfTest()
    Dim folder As String, report As String, bits As String, t As Double
    Dim book As Workbook, ws As Worksheet, i As Integer
    Dim udfName As String, udfFormula As String, v As Variant
    Dim errNum As Long, errText As String, f As Integer
    On Error GoTo failed
    Set Recorded = New Collection
    folder = Environ("TEMP") & "\Partnerkeuze-zelftest-" & Format(Now, "yyyymmdd-hhnnss")
    MkDir folder
    #If Win64 Then
        bits = "64"
    #Else
        bits = "32"
    #End If
    Record "excel", Application.Version & " (build " & Application.Build & ")", _
        Application.OperatingSystem, bits, ThisWorkbook.FullName
    Record "macrooptions", MacroOptionsStatus

    ' Every worksheet function in a cell of a new workbook, closed without saving at the end.
    Application.StatusBar = "Partnerkeuze: zelftest van de werkbladfuncties..."
    Set book = Workbooks.Add
    Set ws = book.Worksheets(1)
    i = 1
    Do While UdfCase(i, udfName, udfFormula)
        t = Timer
        errNum = 0
        errText = ""
        v = Empty
        On Error Resume Next
        ws.Cells(i, 1).Formula2 = udfFormula
        If Err.Number <> 0 Then
            Err.Clear
            ws.Cells(i, 1).Formula = udfFormula
        End If
        If Err.Number = 0 Then ws.Cells(i, 1).Calculate
        If Err.Number = 0 Then v = ws.Cells(i, 1).Value2
        If Err.Number <> 0 Then
            errNum = Err.Number
            errText = Err.Description
        End If
        On Error GoTo failed
        Record "udf", udfName, Format(Timer - t, "0.000"), errNum, errText, CellText(v, ws.Cells(i, 1))
        i = i + 1
    Loop
    WriteRecorded folder & "\zelftest-vba.txt", ""

    ' Every other button, by Python on copies of the demo; it writes the report.
    Application.StatusBar = "Partnerkeuze: zelftest van de knoppen (enkele minuten)..."
    t = Timer
    errNum = 0
    errText = ""
    On Error Resume Next
    RunPython "import partnerkeuze.app.addin.ribbon as r; r.on_ribbon('selftest', " & _
        PyString(ThisWorkbook.Name) & ", " & PyString(folder) & ")"
    If Err.Number <> 0 Then
        errNum = Err.Number
        errText = Err.Description
    End If
    On Error GoTo failed
    book.Close SaveChanges:=False
    Application.StatusBar = False
    report = folder & "\Zelftest-verslag.txt"
    If Dir(report) = "" Then
        Record "stap", "python (knoppen en verslag)", Format(Timer - t, "0.000"), errNum, errText
        WriteRecorded report, "Partnerkeuze-zelftest: Python gaf geen verslag (zie de regel 'stap'; " & _
            "voer partnerkeuze doctor uit). Wat Excel zelf vond:"
    ElseIf errNum <> 0 Then
        f = FreeFile
        Open report For Append As #f
        Print #f, "VBA-fout " & errNum & " na de knoppen: " & Clean(errText)
        Close #f
    End If
    Shell "notepad.exe """ & report & """", vbNormalFocus
    Exit Sub
failed:
    Application.StatusBar = False
    MsgBox "De zelftest stopte: VBA-fout " & Err.Number & " (" & Err.Description & "). " & _
        "Stuur dit bericht naar IT.", vbCritical, "Partnerkeuze"
End Sub
