"""`dixian repl` driven through a pseudo-terminal (pexpect, from PyPI), as an administrator types
at it, on either store: the registry is `--db FILE` or `--postgres URL`.

    console_session.py --dixian PATH --plugins DIR --history FILE (--db FILE | --postgres URL) administrator HOUSEHOLD
        The administrator's session (ReplTerminalTests on SQLite, ReplPostgresTests on PostgreSQL):
        expressions, a multi-line function, Tab completion, Ctrl-C on an endless loop, history
        across a restart, a report left uncommitted across Ctrl-C and dropped at quitting, a
        report committed after Ctrl-C, a change refused read-only. HOUSEHOLD is a general
        household with no monitoring episode, so that a report is allowed. Prints 'session done'.

    console_session.py ... transcript LINE...
        A --write session that types each LINE and prints what the console answered to it, the
        line's echo included (StoreContractCommandTests compares the stores' transcripts).

The console's date is 2024-06-30 and its administrator 县管理员:测试. Each step waits for what the
console must print; a step that does not see it fails the script (pexpect's timeout).
"""
import argparse, time, pexpect

ACTOR = '县管理员:测试'
# A budget large enough that only Ctrl-C stops an endless loop.
BUDGET = ('--instruction-budget', '1000000000000')

parser = argparse.ArgumentParser()
parser.add_argument('--dixian', required=True)
parser.add_argument('--plugins', required=True)
parser.add_argument('--history', required=True)
store = parser.add_mutually_exclusive_group(required=True)
store.add_argument('--db')
store.add_argument('--postgres')
parser.add_argument('mode', choices=['administrator', 'transcript'])
parser.add_argument('arguments', nargs='+')
options = parser.parse_args()
registry = ['--db', options.db] if options.db else ['--postgres', options.postgres]


def start(*extra):
    console = pexpect.spawn(options.dixian, ['repl', *registry, '--plugin', 'minqin', '--plugins', options.plugins,
                                             '--history', options.history, '--as-of', '2024-06-30', '--actor', ACTOR, *extra],
                            encoding='utf-8', timeout=30, dimensions=(40, 200))
    console.expect('底线 Dixian 控制台')
    console.expect('> ')
    return console


def step(console, line, *expected):
    console.sendline(line)
    for text in expected:
        console.expect(text)


def interrupt(console):
    """Ctrl-C stops an endless loop, not the session."""
    console.sendline('while true do end')
    time.sleep(1)
    console.sendintr()
    console.expect('已中断')
    console.expect('> ')


def leave(console):
    console.sendline('.quit')
    console.expect(pexpect.EOF)


def administrator(household):
    episodes = '=#household("%s").episodes' % household
    report = "monitor('report', { household = '%s', channel = 'self-report', on = '2024-06-01' })" % household

    console = start(*BUDGET)
    step(console, '=6*7', '42\r\n', '> ')
    step(console, 'function sq(x)', '>> ')
    step(console, '  return x * x', '>> ')
    step(console, 'end', '> ')
    step(console, '=sq(12)', '144\r\n', '> ')
    console.send('=hous\t')             # Tab completes the global: =household
    console.expect('ehold')
    console.sendline("('%s').number" % household)
    console.expect('\r\n%s\r\n> ' % household)
    interrupt(console)
    step(console, '=1+1', '2\r\n', '> ')
    leave(console)

    saved = open(options.history, encoding='utf-8').read()
    assert '=6*7' in saved and 'function\\040sq(x)' in saved, 'history file: ' + saved  # libedit writes a space as \\040

    console = start()
    console.send('\x1b[A\x1b[A\r')   # two lines up the history: =1+1 (before .quit)
    console.expect('2\r\n')
    console.expect('> ')
    leave(console)

    # A report, uncommitted: Ctrl-C stops the chunk, not the session, and the change is still
    # there; leaving asks first, no keeps the console open, yes drops the change.
    console = start('--write', *BUDGET)
    step(console, report, r'\d+\r\n', '> ')
    step(console, episodes, '1\r\n', '> ')
    interrupt(console)
    step(console, episodes, '1\r\n', '> ')
    console.sendline('.quit')
    console.expect(r'1 项修改尚未提交')
    console.expect(r'\(y/N\)')
    step(console, 'n', '> ')
    console.sendline('.quit')
    console.expect(r'\(y/N\)')
    console.sendline('y')
    console.expect(pexpect.EOF)

    # The report was never committed; a report committed after Ctrl-C is kept.
    console = start('--write', *BUDGET)
    step(console, episodes, '0\r\n', '> ')
    step(console, report, r'\d+\r\n', '> ')
    interrupt(console)
    step(console, 'commit()', '> ')
    leave(console)

    # Read-only, a change is refused.
    console = start()
    step(console, report, 'read-only|只读', '> ')
    leave(console)
    print('session done')


def transcript(lines):
    console = start('--write')
    for line in lines:
        console.sendline(line)
        console.expect(r'\r\n>>? ')
        print(console.before.replace('\r\n', '\n'))
    leave(console)


if options.mode == 'administrator':
    administrator(*options.arguments)
else:
    transcript(options.arguments)
