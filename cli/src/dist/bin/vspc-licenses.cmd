@echo off
rem vspc-licenses: list, export and check the licences of a Veeam Service Provider Console.
rem Runs lib\vspc-licenses.jar of this installation with Java from JAVA_HOME or the PATH.
rem Try: vspc-licenses --demo list      Help: vspc-licenses --help
setlocal
set "VSPC_LICENSES_HOME=%~dp0.."
set "JAR=%VSPC_LICENSES_HOME%\lib\vspc-licenses.jar"
set "CDS=%VSPC_LICENSES_HOME%\lib\vspc-licenses.jsa"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java.exe")
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo vspc-licenses: error: no Java found: install Java 17 or later, or set JAVA_HOME 1>&2
  exit /b 1
)

rem The same start-up options as bin/vspc-licenses: C1, serial GC and a static class-data
rem archive made on first use next to the jar from the classes of a training run (skipped where
rem lib is not writable).
set "OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
set "CLASSES=%VSPC_LICENSES_HOME%\lib\vspc-licenses.classes"
if not exist "%CDS%" (
  "%JAVA%" %OPTS% "-XX:DumpLoadedClassList=%CLASSES%" -cp "%JAR%" dev.licensewatch.vspc.cli.ClassDataTraining >nul 2>&1
  if not errorlevel 1 "%JAVA%" %OPTS% -Xshare:dump "-XX:SharedClassListFile=%CLASSES%" "-XX:SharedArchiveFile=%CDS%" -cp "%JAR%" >nul 2>&1
  if errorlevel 1 del "%CDS%" >nul 2>&1
  del "%CLASSES%" >nul 2>&1
)
if exist "%CDS%" (
  "%JAVA%" %OPTS% "-XX:SharedArchiveFile=%CDS%" %JAVA_OPTS% -jar "%JAR%" %*
) else (
  "%JAVA%" %OPTS% %JAVA_OPTS% -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
