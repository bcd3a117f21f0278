# Sourced by ./bindsmith and .ci/run: point JAVA_HOME at a JDK 21 or newer.
# Keeps an existing JAVA_HOME that is new enough; otherwise searches /usr/lib/jvm, newest first.
bindsmith_jdk_ok() {
	[ -x "$1/bin/javac" ] || return 1
	local v
	# The release file says the version without starting a JVM (a quarter of a second per check).
	v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
	[ -n "$v" ] || v=$("$1/bin/javac" -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')
	[ -n "$v" ] && [ "$v" -ge 21 ]
}
if [ -z "${JAVA_HOME:-}" ] || ! bindsmith_jdk_ok "$JAVA_HOME"; then
	JAVA_HOME=""
	for d in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
		if bindsmith_jdk_ok "$d"; then JAVA_HOME="$d"; break; fi
	done
	if [ -z "$JAVA_HOME" ] && command -v javac >/dev/null 2>&1; then
		d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
		bindsmith_jdk_ok "$d" && JAVA_HOME="$d"
	fi
	if [ -z "$JAVA_HOME" ]; then
		echo "bindsmith needs a JDK 21 or newer; none was found in JAVA_HOME or /usr/lib/jvm." >&2
		echo "Install one and run: export JAVA_HOME=/path/to/jdk" >&2
		return 1 2>/dev/null || exit 1
	fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
