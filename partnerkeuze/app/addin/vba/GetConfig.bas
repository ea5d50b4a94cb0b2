Function GetConfig(configKey As String, Optional default As String = "", Optional source As String = "") As Variant
    ' Partnerkeuze's version of xlwings' GetConfig (same layers, same order), with two changes:
    ' an empty value never shadows a later layer, and the values baked in at build time
    ' (PartnerkeuzeConfig.BakedConfig) come just before the default.
    ' Order: sheet of the active workbook -> sheet of the add-in -> conf file beside the
    ' workbook -> %USERPROFILE%\.partnerkeuze\partnerkeuze.conf -> baked in -> default.
    Dim configValue As String

    ' Sheet
    #If App = "Microsoft Excel" Then
    If source = "" Or source = "sheet" Then
        If Application.Name = "Microsoft Excel" Then
            'Workbook Sheet Config
            If SheetExists(ActiveWorkbook, PROJECT_NAME & ".conf") = True Then
                If GetConfigFromSheet(ActiveWorkbook).Exists(configKey) = True Then
                    If CStr(GetConfigFromSheet(ActiveWorkbook).Item(configKey)) <> "" Then
                        GetConfig = GetConfigFromSheet(ActiveWorkbook).Item(configKey)
                        GetConfig = ExpandEnvironmentStrings(GetConfig)
                        Exit Function
                    End If
                End If
            End If

            'Add-in Sheet Config
            If SheetExists(ThisWorkbook, PROJECT_NAME & ".conf") = True Then
                If GetConfigFromSheet(ThisWorkbook).Exists(configKey) = True Then
                    If CStr(GetConfigFromSheet(ThisWorkbook).Item(configKey)) <> "" Then
                        GetConfig = GetConfigFromSheet(ThisWorkbook).Item(configKey)
                        GetConfig = ExpandEnvironmentStrings(GetConfig)
                        Exit Function
                    End If
                End If
            End If
        End If
    End If
    #End If

    ' Directory Config
    If source = "" Or source = "directory" Then
        #If App = "Microsoft Excel" Then
            If GetFullName(ActiveWorkbook) <> "" Then ' Empty if local dir can't be figured out (e.g. SharePoint)
        #Else
            If InStr(GetDirectoryPath(), "://") = 0 Then ' Other Office apps: skip for synced SharePoint/OneDrive files
        #End If
            If FileExists(GetDirectoryConfigFilePath()) = True Then
                If GetConfigFromFile(GetDirectoryConfigFilePath(), configKey, configValue) Then
                    If configValue <> "" Then
                        GetConfig = configValue
                        GetConfig = ExpandEnvironmentStrings(GetConfig)
                        Exit Function
                    End If
                End If
            End If
        End If
    End If

    ' User Config
    If source = "" Or source = "user" Then
        If FileExists(GetConfigFilePath()) = True Then
            If GetConfigFromFile(GetConfigFilePath(), configKey, configValue) Then
                If configValue <> "" Then
                    GetConfig = configValue
                    GetConfig = ExpandEnvironmentStrings(GetConfig)
                    Exit Function
                End If
            End If
        End If
    End If

    ' Baked in at build time (partnerkeuze addin --interpreter/--pythonpath)
    If source = "" Or source = "baked" Then
        configValue = BakedConfig(configKey)
        If configValue <> "" Then
            GetConfig = ExpandEnvironmentStrings(configValue)
            Exit Function
        End If
    End If

    ' Defaults
    GetConfig = default
    GetConfig = ExpandEnvironmentStrings(GetConfig)

End Function
