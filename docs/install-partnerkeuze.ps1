<#
.SYNOPSIS
  Installeert Partnerkeuze voor de aangemelde gebruiker van deze Windows-pc, of verwijdert het.
  Voor IT; zie docs/addin-install.md.

.DESCRIPTION
  Dit script zet alleen Python klaar en geeft dan het werk aan het installatieprogramma van
  Partnerkeuze zelf ('partnerkeuze install', getest op elke versie):
  1. controleert dat het draait als de gebruiker die in deze sessie aangemeld is (niet als een
     andere of een beheerdersaccount: dan kwamen de invoegtoepassing en de instellingen in het
     verkeerde profiel);
  2. zoekt Python 3.11 of nieuwer (de py-launcher, python in het PATH, of -Python), en
     installeert het anders met winget voor deze gebruiker;
  3. voert 'python -m partnerkeuze install' uit vanuit de broncode: dat maakt de virtuele omgeving
     (standaard %LOCALAPPDATA%\Partnerkeuze\.venv), installeert de vaste pakketten en
     Partnerkeuze, zet de invoegtoepassing met de instellingen ingebouwd in XLSTART, vult
     %USERPROFILE%\.partnerkeuze\partnerkeuze.conf aan (een ingevulde waarde blijft) en
     controleert alles met 'partnerkeuze doctor'.
  Opnieuw uitvoeren werkt bij zonder schade. Met -Verwijderen gaat alles weg wat de installatie
  maakte, en niets anders.

.PARAMETER Bron
  De map met de broncode van Partnerkeuze (met requirements.txt). Standaard: de map boven docs.

.PARAMETER Python
  Het volledige pad naar python.exe (3.11 of nieuwer) als het niet vanzelf gevonden wordt, bv.
  "C:\Program Files\Python312\python.exe" (tussen aanhalingstekens; spaties mogen).

.PARAMETER Omgeving
  Waar de virtuele omgeving komt. Standaard %LOCALAPPDATA%\Partnerkeuze\.venv.

.PARAMETER PakketBron
  De pakketbron (index) voor pip, bv. de spiegel van de organisatie. Standaard PyPI.

.PARAMETER Verwijderen
  Verwijder wat een vorige installatie maakte.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File "C:\Bron\Partnerkeuze\docs\install-partnerkeuze.ps1"
#>
param(
    [string]$Bron = (Split-Path -Parent $PSScriptRoot),
    [string]$Python = "",
    [string]$Omgeving = "",
    [string]$PakketBron = "",
    [switch]$Verwijderen
)
# No global $ErrorActionPreference = "Stop": under Windows PowerShell 5.1 every line a program
# writes to stderr (pip does) would then stop the script as soon as its output is captured.
# Cmdlets get -ErrorAction Stop; programs are judged by their exit code.

function Stap([string]$Tekst) { Write-Host "== $Tekst" -ForegroundColor Cyan }

function Stop-Met([string]$Tekst) {
    Write-Host "Fout: $Tekst" -ForegroundColor Red
    exit 1
}

function Get-PythonVersie([string]$Exe, [string[]]$Voor) {
    # The version of a Python as 311 for 3.11, or 0 when it does not start.
    $ErrorActionPreference = "Continue"
    try {
        $uit = & $Exe @Voor -c "import sys;print(sys.version_info[0]*100+sys.version_info[1])" 2>$null
    } catch {
        return 0
    }
    if ($LASTEXITCODE -ne 0) { return 0 }
    $getal = 0
    if ([int]::TryParse((@($uit) | Select-Object -Last 1), [ref]$getal)) { return $getal }
    return 0
}

function Find-Python([string]$Gegeven) {
    # @(exe, arguments before the script) of Python 3.11 or newer, or $null.
    if ($Gegeven) {
        if ((Get-PythonVersie $Gegeven @()) -ge 311) { return , @($Gegeven, @()) }
        Stop-Met "'$Gegeven' is geen Python 3.11 of nieuwer. Geef het volledige pad naar python.exe met -Python."
    }
    if (Get-Command py -ErrorAction SilentlyContinue) {
        foreach ($versie in @("-3.13", "-3.12", "-3.11")) {
            if ((Get-PythonVersie "py" @($versie)) -ge 311) { return , @("py", @($versie)) }
        }
    }
    $kandidaten = @(Get-Command python -All -ErrorAction SilentlyContinue | ForEach-Object { $_.Source })
    $kandidaten += @(Get-ChildItem -Path (Join-Path $env:LOCALAPPDATA "Programs\Python\Python3*\python.exe") -ErrorAction SilentlyContinue | ForEach-Object { $_.FullName })
    foreach ($exe in $kandidaten) {
        # The Microsoft Store's python.exe in WindowsApps only opens the Store.
        if ($exe -like "*\WindowsApps\*") { continue }
        if ((Get-PythonVersie $exe @()) -ge 311) { return , @($exe, @()) }
    }
    return $null
}

Stap "1. Gebruiker"
$ik = "$($env:USERDOMAIN)\$($env:USERNAME)"
# Who is signed in to this session (console or remote desktop): the owner of its explorer.exe.
$aangemeld = $null
try {
    $sessie = (Get-Process -Id $PID).SessionId
    $verkenner = Get-CimInstance -ClassName Win32_Process -Filter "Name = 'explorer.exe' AND SessionId = $sessie" -ErrorAction Stop | Select-Object -First 1
    if ($verkenner) {
        $eigenaar = Invoke-CimMethod -InputObject $verkenner -MethodName GetOwner -ErrorAction Stop
        if ($eigenaar.User) { $aangemeld = "$($eigenaar.Domain)\$($eigenaar.User)" }
    }
} catch {
    $aangemeld = $null
}
if ($aangemeld -and ($aangemeld -ne $ik)) {
    Stop-Met ("Dit script draait als {0}, maar aan de pc is {1} aangemeld: de invoegtoepassing en de instellingen zouden in het profiel van {0} komen. Installeren voor een andere gebruiker kan niet: meld u aan als {1} en voer het script in diens sessie uit (zonder 'Als administrator uitvoeren'); beheerdersrechten zijn niet nodig." -f $ik, $aangemeld)
}
Write-Host "Installeren voor $ik (profiel $($env:USERPROFILE))."

$Bron = $Bron.TrimEnd("\")
if (-not (Test-Path -LiteralPath (Join-Path $Bron "requirements.txt"))) {
    Stop-Met "Geen requirements.txt in ${Bron}: geef de map van Partnerkeuze met -Bron."
}

Stap "2. Python 3.11 of nieuwer"
$gevonden = Find-Python $Python
if ($null -eq $gevonden -and -not $Verwijderen) {
    if (-not (Get-Command winget -ErrorAction SilentlyContinue)) {
        Stop-Met "Geen Python 3.11 of nieuwer gevonden en winget ontbreekt. Installeer Python 3.12 van python.org (alleen voor deze gebruiker) en voer het script opnieuw uit, of geef -Python."
    }
    Write-Host "Python wordt geinstalleerd met winget (alleen voor deze gebruiker)."
    & winget install --id Python.Python.3.12 --exact --scope user --silent --accept-package-agreements --accept-source-agreements
    $gevonden = Find-Python ""
}
if ($null -eq $gevonden) {
    Stop-Met "Geen Python 3.11 of nieuwer gevonden. Installeer Python van python.org of geef het pad met -Python."
}
$pyExe = $gevonden[0]
$pyVoor = @($gevonden[1])
Write-Host "Python: $pyExe $($pyVoor -join ' ')"

Stap "3. partnerkeuze install"
$argumenten = @("-m", "partnerkeuze", "install", "--source", $Bron)
if ($Omgeving) { $argumenten += @("--venv", $Omgeving.TrimEnd("\")) }
if ($PakketBron) { $argumenten += @("--index-url", $PakketBron) }
if ($Verwijderen) { $argumenten += "--uninstall" }
# The installer runs from the source with this Python (it needs only the standard library) and
# removes PYTHONPATH for everything it starts.
$env:PYTHONPATH = $Bron
& $pyExe @pyVoor @argumenten
$code = $LASTEXITCODE
Remove-Item Env:\PYTHONPATH -ErrorAction SilentlyContinue
if ($code -eq 0) {
    Write-Host "Klaar. Start Excel opnieuw: het tabblad Partnerkeuze staat in het lint; klik Zelftest (groep Hulp) en stuur het verslag naar IT." -ForegroundColor Green
} else {
    Write-Host "Herstel wat hierboven staat (Fout of [FOUT]) en voer het script opnieuw uit." -ForegroundColor Yellow
}
exit $code
