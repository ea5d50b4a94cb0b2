<#
.SYNOPSIS
  Installeert Partnerkeuze op een Windows-pc: virtuele omgeving, pakketten, invoegtoepassing en
  instellingen. Voor IT; volgt docs/addin-install.md stap voor stap.

.DESCRIPTION
  1. maakt de virtuele omgeving <Doel>\.venv (als ze nog niet bestaat);
  2. installeert de pakketten uit requirements.txt (xlwings in de vaste versie) en Partnerkeuze;
  3. kopieert de map udfs (de werkbladfuncties) naar <Doel>\udfs;
  4. bouwt <Doel>\Partnerkeuze.xlam met het pad naar python.exe en de map udfs ingebouwd;
  5. heft de blokkering op (Mark of the Web) en installeert de invoegtoepassing met xlwings;
  6. vult %USERPROFILE%\.partnerkeuze\partnerkeuze.conf aan met Interpreter_Win en PYTHONPATH
     (bestaande waarden blijven staan: een bestand dat iemand invulde wordt nooit overschreven);
  7. voert 'partnerkeuze doctor' uit en toont wat nog te herstellen is.
  Opnieuw uitvoeren na een update houdt de instellingen: de conf-file blijft, de
  invoegtoepassing wordt met dezelfde waarden opnieuw gebouwd.

.PARAMETER Bron
  De map met de broncode van Partnerkeuze (met requirements.txt). Standaard: de map boven docs.

.PARAMETER Doel
  Waar Partnerkeuze komt. Standaard C:\Partnerkeuze.

.PARAMETER Python
  Het commando voor Python 3.11 of nieuwer. Standaard 'py -3.11'.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File docs\install-partnerkeuze.ps1 -Doel C:\Partnerkeuze
#>
param(
    [string]$Bron = (Split-Path -Parent $PSScriptRoot),
    [string]$Doel = "C:\Partnerkeuze",
    [string]$Python = "py -3.11"
)
$ErrorActionPreference = "Stop"

function Stap($tekst) { Write-Host "== $tekst" -ForegroundColor Cyan }

if (-not (Test-Path (Join-Path $Bron "requirements.txt"))) {
    throw "Geen requirements.txt in $Bron: geef de map van Partnerkeuze met -Bron."
}
New-Item -ItemType Directory -Force -Path $Doel | Out-Null
$venv = Join-Path $Doel ".venv"
$py = Join-Path $venv "Scripts\python.exe"

Stap "1. Virtuele omgeving $venv"
if (-not (Test-Path $py)) {
    $deel = @($Python.Split(" ", [System.StringSplitOptions]::RemoveEmptyEntries))
    $rest = @()
    if ($deel.Length -gt 1) { $rest = $deel[1..($deel.Length - 1)] }
    & $deel[0] @($rest + @("-m", "venv", $venv))
    if ($LASTEXITCODE -ne 0) { throw "Python kon geen virtuele omgeving maken ($Python)." }
}

Stap "2. Pakketten (requirements.txt) en Partnerkeuze"
& $py -m pip install --upgrade pip
& $py -m pip install -r (Join-Path $Bron "requirements.txt")
if ($LASTEXITCODE -ne 0) { throw "pip install -r requirements.txt mislukte." }
& $py -m pip install $Bron
if ($LASTEXITCODE -ne 0) { throw "pip install van Partnerkeuze mislukte." }

Stap "3. Werkbladfuncties naar $Doel\udfs"
$udfs = Join-Path $Doel "udfs"
New-Item -ItemType Directory -Force -Path $udfs | Out-Null
Copy-Item (Join-Path $Bron "udfs\partnerkeuze_udfs.py") $udfs -Force

Stap "4. Invoegtoepassing bouwen met de instellingen ingebouwd"
$xlam = Join-Path $Doel "Partnerkeuze.xlam"
& $py -m partnerkeuze addin $xlam --interpreter $py --pythonpath $udfs
if ($LASTEXITCODE -ne 0) { throw "partnerkeuze addin mislukte (sluit Excel als het bestand open is)." }

Stap "5. Blokkering opheffen en installeren (map XLSTART)"
Unblock-File $xlam
& (Join-Path $venv "Scripts\xlwings.exe") addin install --file $xlam
if ($LASTEXITCODE -ne 0) { throw "xlwings addin install mislukte." }

Stap "6. Instellingen in %USERPROFILE%\.partnerkeuze\partnerkeuze.conf"
$confDir = Join-Path $env:USERPROFILE ".partnerkeuze"
$conf = Join-Path $confDir "partnerkeuze.conf"
New-Item -ItemType Directory -Force -Path $confDir | Out-Null
$bestaand = @{}
if (Test-Path $conf) {
    foreach ($regel in Get-Content $conf) {
        if ($regel -match '^\s*"([^"]*)"\s*,\s*"([^"]*)"') { $bestaand[$Matches[1].ToUpper()] = $Matches[2] }
    }
}
$nieuw = @()
foreach ($paar in @(@("Interpreter_Win", $py), @("PYTHONPATH", $udfs))) {
    $waarde = $bestaand[$paar[0].ToUpper()]
    if ([string]::IsNullOrEmpty($waarde)) { $nieuw += ('"{0}","{1}"' -f $paar[0], $paar[1]) }
}
if ($nieuw.Count -gt 0) { Add-Content -Path $conf -Value $nieuw -Encoding Default }
Get-Content $conf

Stap "7. Controle: partnerkeuze doctor"
& $py -m partnerkeuze doctor --addin $xlam
if ($LASTEXITCODE -ne 0) { Write-Host "Herstel de punten met [FOUT] hierboven en voer het script opnieuw uit." -ForegroundColor Yellow }
else { Write-Host "Klaar. Start Excel opnieuw: het tabblad Partnerkeuze staat in het lint." -ForegroundColor Green }
