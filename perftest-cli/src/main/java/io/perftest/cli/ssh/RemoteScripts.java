package io.perftest.cli.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The small POSIX sh scripts {@link SshHost} runs on a host. Each is shipped as one quoted
 * argument of {@code sh -c SCRIPT perftest ARG...}, its inputs as further arguments, so that no
 * user string is ever part of a command. They live beside this class as {@code *.sh} resources.
 */
enum RemoteScripts {
    /** {@code DIR ARGV...}: cd, check the program exists, print the pid, exec the program. */
    START("start.sh"),
    /** {@code MODE ARG GRACE_MS}: find (list) or stop (tree, env) processes by pid or by environment cookie. */
    KILL("kill.sh"),
    /** Prints NAME=VALUE lines for provenance. */
    DESCRIBE("describe.sh"),
    /** {@code PATH}: a directory's entries, each followed by a NUL; nothing if it does not exist. */
    LIST("""
            [ -d "$1" ] || exit 0
            cd "$1" || exit 1
            for f in * .*; do
              case $f in .|..) continue ;; esac
              if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\\0' "$f"; fi
            done
            """),
    /** {@code PATH}: the file's bytes; exit 3 when it does not exist. */
    READ("[ -e \"$1\" ] || exit 3\nexec cat < \"$1\"\n"),
    /** {@code PATH}: stdin into the file. */
    WRITE("exec cat > \"$1\"\n"),
    /** {@code PATH}: exit 0 if it exists (a dangling link counts), 1 if not. */
    EXISTS("[ -e \"$1\" ] || [ -L \"$1\" ]\n"),
    /** {@code PREFIX}: a new directory under $TMPDIR (or /tmp). */
    TEMP_DIR("exec mktemp -d \"${TMPDIR:-/tmp}/${1}XXXXXX\"\n"),
    /** {@code PATH}: a tar stream of a directory's content, or of a file; exit 3 when absent. */
    TAR("""
            if [ -d "$1" ]; then
              cd "$1" && exec tar -cf - .
            elif [ -e "$1" ]; then
              cd "$(dirname "$1")" && exec tar -cf - "./$(basename "$1")"
            else
              exit 3
            fi
            """),
    /** {@code NAME}: exit 0 if the program is on PATH (or in the usual sbin and sysstat directories). */
    HAS_COMMAND("""
            case $1 in */*) [ -x "$1" ]; exit ;; esac
            command -v "$1" >/dev/null 2>&1 && exit 0
            for d in /usr/sbin /sbin /usr/local/sbin /usr/lib/sysstat /usr/lib64/sa; do
              [ -x "$d/$1" ] && exit 0
            done
            exit 1
            """);

    /** The exit code of a script whose path argument does not exist. */
    static final int NOT_FOUND = 3;

    private final String text;

    RemoteScripts(String textOrResource) {
        this.text = textOrResource.endsWith(".sh") ? resource(textOrResource) : textOrResource;
    }

    String text() {
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = RemoteScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + RemoteScripts.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
