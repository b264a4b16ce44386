#!/usr/bin/env bash
# Consumes the packed packages as a new application would: a fresh project outside the repository (none of its
# build settings apply) references ServiceQuality.Policies and ServiceQuality.Calendars.ICalendar from the pack folder,
# builds for net8.0 and net10.0 and runs both; the net8.0 build must resolve the 8.0 DI abstractions, not 10.0.
set -euo pipefail
packages="$(cd "$1" && pwd)"
app="$(mktemp -d)"
trap 'rm -rf "$app"' EXIT

# A package cached by an earlier run of the same version would hide what was just packed.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/servicequality.*

cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="packed" value="$packages" />
  </packageSources>
</configuration>
XML
cat > "$app/Consumer.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <PropertyGroup Condition="'$(TargetFramework)' == 'net8.0'">
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ServiceQuality.Policies" Version="0.1.0" />
    <PackageReference Include="ServiceQuality.Calendars.ICalendar" Version="0.1.0" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="8.0.1" />
  </ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceQuality.Calendars.ICalendar;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Policies;
using ServiceQuality.Policies.Assessment;

var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
{
    builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(12, 0)).AddOpenHours(day, new LocalTime(13, 30), new LocalTime(18, 0));
}

const string nationalDay = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251001\r\nDTEND;VALUE=DATE:20251009\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
var calendar = builder.AddICalendar(nationalDay).Build();
var due = calendar.AddBusinessTime(Instant.FromUtc(2025, 9, 30, 8, 0), Duration.FromHours(3));
var services = new ServiceCollection();
services.AddServiceQuality(options => options.Calendars["desk"] = calendar);
using var provider = services.BuildServiceProvider();
var abstractions = typeof(IServiceCollection).Assembly.GetName().Version!.Major;
Console.WriteLine($"runtime {Environment.Version.Major}, DI abstractions {abstractions}, due {due}, assessor {provider.GetService<CaseAssessor>() is not null}");
CS

cd "$app"
dotnet build -c Release -v quiet -nologo
for tfm in net8.0 net10.0; do
  line="$(dotnet run -c Release --no-build -f "$tfm")"
  echo "consumer $tfm: $line"
  major="${tfm#net}"; major="${major%.0}"
  expected="runtime $major, DI abstractions $major, due 2025-10-09T02:00:00Z, assessor True"
  if [ "$line" != "$expected" ]; then
    echo "consumer check: $tfm printed '$line', expected '$expected'" >&2
    exit 1
  fi
done
