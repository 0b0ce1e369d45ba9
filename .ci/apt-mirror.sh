# Sourced by .ci/postgres.sh: prints the Debian archive this machine's own apt configuration uses (the URI of the
# entry serving its release suite, e.g. bookworm), so the repository names no mirror host of its own.
# Reads one-line `deb URI SUITE …` lists and deb822 `.sources` stanzas. APT_ETC and OS_RELEASE are for the test.
apt_mirror() {
  local etc=${APT_ETC:-/etc/apt} codename
  codename=$(. "${OS_RELEASE:-/etc/os-release}" && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || return 1
  {
    cat "$etc/sources.list" "$etc"/sources.list.d/*.list 2>/dev/null |
      awk -v c="$codename" '$1 == "deb" || $1 == "deb-src" {
        i = 2; if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == c) { print $i; exit } }'
    cat "$etc"/sources.list.d/*.sources 2>/dev/null |
      awk -v c="$codename" 'BEGIN { RS = "" } {
        u = ""; ok = 0; off = 0; n = split($0, L, "\n")
        for (k = 1; k <= n; k++) {
          if (L[k] ~ /^URIs:/) { split(L[k], a, " "); u = a[2] }
          if (L[k] ~ /^Suites:/) { m = split(L[k], s, " "); for (j = 2; j <= m; j++) if (s[j] == c) ok = 1 }
          if (L[k] ~ /^Enabled: *no/) off = 1
        }
        if (ok && !off && u != "") { print u; exit } }'
  } | head -n 1 | grep .
}
