# Sourced by ./bindsmith and .ci/run (bash): point JAVA_HOME at a JDK 21 or newer.
# Keeps an existing JAVA_HOME that is new enough; otherwise takes the newest JDK in /usr/lib/jvm.
# Sets bindsmith_java_version to its feature version (21, 25, ...). Written in bash alone, without
# sed, ls or sort: on a busy machine each program started cost 10-20 ms of every ./bindsmith
# command (docs/performance.md, "Start-up to first answer").
bindsmith_release_version() {
	# The feature version that the release file of JDK $1 names (JAVA_VERSION="25.0.3"), in
	# bindsmith_v; empty when there is none.
	local line
	bindsmith_v=""
	[ -r "$1/release" ] || return 0
	while IFS= read -r line || [ -n "$line" ]; do
		if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
			bindsmith_v="${BASH_REMATCH[1]}"
			return 0
		fi
	done <"$1/release"
}
bindsmith_jdk_ok() {
	[ -x "$1/bin/javac" ] || return 1
	# The release file says the version without starting a JVM (a quarter of a second per check).
	bindsmith_release_version "$1"
	local v="$bindsmith_v"
	[ -n "$v" ] || v=$("$1/bin/javac" -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')
	[ -n "$v" ] && [ "$v" -ge 21 ] || return 1
	bindsmith_java_version="$v"
}
if [ -z "${JAVA_HOME:-}" ] || ! bindsmith_jdk_ok "$JAVA_HOME"; then
	JAVA_HOME=""
	bindsmith_best=0
	for d in /usr/lib/jvm/*; do
		if [ -d "$d" ] && bindsmith_jdk_ok "$d" && [ "$bindsmith_java_version" -gt "$bindsmith_best" ]; then
			JAVA_HOME="$d"
			bindsmith_best="$bindsmith_java_version"
		fi
	done
	if [ -n "$JAVA_HOME" ]; then
		bindsmith_java_version="$bindsmith_best"
	elif command -v javac >/dev/null 2>&1; then
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
