"""Runs a command on a pseudo-terminal (pexpect, from PyPI), as a user at a terminal runs it,
and prints everything it wrote there (standard output and error alike), then its exit status on
a line of its own (ProgressTests).

    on_terminal.py [NAME=VALUE ...] -- COMMAND [ARGUMENT ...]
        NAME=VALUE: set in the command's environment (LANG=zh_CN.UTF-8).
"""
import os, sys, pexpect

split = sys.argv.index('--')
environment = dict(os.environ)
environment.update(setting.split('=', 1) for setting in sys.argv[1:split])
command = sys.argv[split + 1:]
child = pexpect.spawn(command[0], command[1:], env=environment, encoding='utf-8', timeout=600, dimensions=(40, 200))
child.expect(pexpect.EOF)
child.close()
sys.stdout.write(child.before)
sys.stdout.write('\nexit %d\n' % child.exitstatus)
