"""The walk of issue 20 through the server's pages in headless Chromium, driven through the
DevTools protocol at a 390-pixel phone width (BrowserPagesTests runs it on each store):

    browser_walk.py BASE STORE NAME RESIDENT PASSWORD SHOTS CHROMIUM NUMBER HEAD SECRETS

A household submits the self-report form, sent back once (markup and quotes typed in it shown
again as typed), then taken (member NAME, ID number RESIDENT); the county signs in, reads the
dashboard and the password form, finds that household and opens its page; a village cadre finds
household NUMBER by its head's name HEAD, records a visit, reports a risk and opens a problem;
township staff find the report in 我的待办, verify and answer; the cadre's forged approval is
refused; the county approves, makes the plan, adds a measure and takes the four stages of the
elimination procedure until the risk is eliminated. Every user signs in with PASSWORD. Each page
is saved as SHOTS/STORE-NN-PAGE.png; no page's HTML holds an ID number in full (any, and the
comma-separated SECRETS above all), and the text typed into the forms, which holds markup and
quotes, is shown as typed and escaped in the HTML, as is the self-reporting household's head's
name (韩 and the same text, given by the test's files). Prints `browser session done` at the end.
"""
import base64, json, re, subprocess, sys, tempfile, time, urllib.request
import websocket
(base, store, name, resident, password, shots, chromium, number, head, secrets) = sys.argv[1:11]
secrets = [s for s in secrets.split(',') if s]
HOSTILE = '<script>alert(1)</script>"\'&<>'
for _ in range(100):  # the server is starting
    try:
        urllib.request.urlopen(base + '/openapi.json')
        break
    except OSError:
        time.sleep(0.1)
profile = tempfile.mkdtemp()
chrome = subprocess.Popen([chromium, '--headless=new', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0',
                           '--user-data-dir=' + profile, '--window-size=390,844', 'about:blank'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    port = None
    for line in chrome.stderr:
        if 'DevTools listening on' in line:
            port = line.split('ws://')[1].split('/')[0].split(':')[1]
            break
    targets = json.load(urllib.request.urlopen('http://127.0.0.1:%s/json' % port))
    page = next(t for t in targets if t['type'] == 'page')
    ws = websocket.create_connection(page['webSocketDebuggerUrl'], timeout=30)
    counter = [0]
    def call(method, **params):
        counter[0] += 1
        ws.send(json.dumps({'id': counter[0], 'method': method, 'params': params}))
        while True:
            message = json.loads(ws.recv())
            if message.get('id') == counter[0]:
                return message.get('result', {})
    def evaluate(expression, wait=False):
        return call('Runtime.evaluate', expression=expression, returnByValue=True, awaitPromise=wait).get('result', {}).get('value')
    def wait_ready():
        time.sleep(0.3)
        for _ in range(100):
            if evaluate('document.readyState') == 'complete':
                return
            time.sleep(0.1)
    def load(url):
        call('Page.navigate', url=url)
        wait_ready()
    def text():
        return evaluate('document.body.innerText')
    def served_html():
        # The page as the server sends it, with the browser's cookies (the page's policy lets
        # no script of its own fetch it).
        cookies = call('Network.getCookies', urls=[base])['cookies']
        request = urllib.request.Request(evaluate('location.href'),
                                         headers={'Cookie': '; '.join('%s=%s' % (c['name'], c['value']) for c in cookies)})
        with urllib.request.urlopen(request) as response:
            return response.read().decode('utf-8')
    shot_number = [0]
    pages = []
    def shot(what, hostile=False, refetch=True):
        # Each page: a screenshot, no ID number in full in its HTML as served, and the hostile
        # text, where the page shows it, escaped in the HTML and shown as typed.
        shot_number[0] += 1
        file = '%s-%02d-%s.png' % (store, shot_number[0], what)
        data = call('Page.captureScreenshot', format='png', captureBeyondViewport=True)['data']
        open(shots + '/' + file, 'wb').write(base64.b64decode(data))
        html = served_html() if refetch else ''
        served = html + evaluate('document.documentElement.outerHTML')
        full = re.search(r'(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])', served)
        assert full is None, '%s: an ID number in full: %s' % (what, full.group(0))
        for secret in secrets:
            assert secret not in served, '%s: the ID number %s in full' % (what, secret)
        if refetch:
            assert '<script>alert(1)' not in html and '"\'&<>' not in html, '%s: hostile text not escaped' % what
        if hostile:
            assert HOSTILE in text(), '%s: the hostile text is not shown as typed: %s' % (what, text())
            assert '&lt;script&gt;alert(1)&lt;/script&gt;' in html, '%s: no escaped script' % what
        pages.append(what)
    def fits(what):
        width = evaluate('document.documentElement.scrollWidth')
        assert width <= 390, '%s is %s pixels wide' % (what, width)
    call('Page.enable')
    call('Network.enable')
    # A phone: 390 pixels wide, throughout.
    call('Emulation.setDeviceMetricsOverride', width=390, height=844, deviceScaleFactor=1, mobile=True)

    # The public: 一键报贫, first sent back (no ID number) with what was typed, markup and quotes
    # in it, shown again as typed: in the fields' values, no element of its own.
    load(base + '/self-report')
    assert '防止返贫一键申报' in text(), text()
    elements = evaluate("document.querySelectorAll('*').length")
    evaluate("document.getElementById('name').value = %s" % json.dumps('韩' + HOSTILE))
    evaluate("document.getElementById('resident_id').value = '12345'")
    evaluate("document.getElementById('difficulty').value = %s" % json.dumps(HOSTILE))
    evaluate("document.querySelector('form').submit()")
    wait_ready()
    assert '身份证号不正确' in text(), text()
    assert evaluate("document.getElementById('name').value") == '韩' + HOSTILE, evaluate("document.getElementById('name').outerHTML")
    assert evaluate("document.getElementById('difficulty').value") == HOSTILE, evaluate("document.getElementById('difficulty').outerHTML")
    assert evaluate("document.querySelectorAll('script').length") == 0
    assert evaluate("document.querySelectorAll('*').length") <= elements + 5, evaluate('document.documentElement.outerHTML')
    fits('self-report')
    shot('self-report-refused', refetch=False)
    load(base + '/self-report')
    assert '防止返贫一键申报' in text(), text()
    evaluate("document.getElementById('name').value = %s" % json.dumps(name))
    evaluate("document.getElementById('resident_id').value = %s" % json.dumps(resident))
    evaluate("document.getElementById('phone').value = '13912345678'")
    evaluate("document.getElementById('risk').value = 'illness'")
    evaluate("document.getElementById('difficulty').value = '家中老人住院，医疗费用负担重'")
    shot('self-report-form', refetch=False)
    evaluate("document.querySelector('form').submit()")
    wait_ready()
    assert '申报已受理' in text(), text()
    shot('self-report-accepted', refetch=False)

    def sign_in(user):
        if evaluate("document.querySelector('form[action=\"/logout\"]') !== null"):
            evaluate("document.querySelector('form[action=\"/logout\"]').submit()")
            wait_ready()
        load(base + '/login')
        assert '工作人员登录' in text(), text()
        evaluate("document.getElementById('name').value = %s" % json.dumps(user))
        evaluate("document.getElementById('password').value = %s" % json.dumps(password))
        evaluate("document.querySelector('form').submit()")
        wait_ready()
        body = text()
        assert '防返贫监测看板' in body and '退出登录' in body and user in body, body
        return body
    def find(query):
        # 查户 from the link every signed-in page has, by name.
        evaluate("document.querySelector('a[href=\"/households/find\"]').click()")
        wait_ready()
        assert '查户' in text(), text()
        evaluate("document.getElementById('q').value = %s" % json.dumps(query))
        evaluate("document.querySelector('form[role=search]').submit()")
        wait_ready()
        body = text()
        assert '查找结果' in body and query in body, body
        fits('find')
        return body
    def open_household():
        evaluate("document.querySelector('a[href=\"/households/%s\"]').click()" % number)
        wait_ready()
        body = text()
        assert head + '户' in body and '家庭成员' in body and '变更记录' in body, body
        fits('household')
        return body
    def fill(fields):
        for field, value in fields.items():
            found = evaluate("(() => { const e = document.getElementById(%s); if (!e) return false; e.value = %s; return true })()"
                             % (json.dumps(field), json.dumps(value)))
            assert found, 'no field %s: %s' % (field, text())
    def submit(action, fields, done):
        fill(fields)
        assert evaluate("document.querySelector('form[action$=%s]') !== null" % json.dumps(action)), 'no form %s: %s' % (action, text())
        evaluate("document.querySelector('form[action$=%s]').submit()" % json.dumps(action))
        wait_ready()
        body = text()
        assert done in body and evaluate("document.getElementById('problem') === null"), body
        fits(action)
        return body

    # The county signs in: the sign-in form, the dashboard, 查户 and a household.
    load(base + '/login')
    shot('login')
    body = sign_in('county')
    assert '农户类别' in body and evaluate("document.querySelectorAll('svg rect').length") > 0, body
    shot('dashboard')
    evaluate("document.querySelector('a[href=\"/password\"]').click()")
    wait_ready()
    assert '修改密码' in text() and '新密码' in text(), text()
    fits('password')
    shot('password')
    find(name)
    # The self-reporting household's head's name holds the hostile text: shown as typed, escaped.
    shot('find', hostile=True)
    evaluate("document.querySelector('ul.results a').click()")
    wait_ready()
    body = text()
    assert '家庭成员' in body and '变更记录' in body and name in body, body
    assert evaluate('document.title').startswith('韩' + HOSTILE), evaluate('document.title')
    fits('household')
    shot('household', hostile=True)

    # A village cadre finds the household by its head's name, records a visit, reports a risk
    # and opens a problem.
    sign_in('cadre')
    find(head)
    shot('cadre-find')
    body = open_household()
    assert '登记走访' in body and '报告风险' in body and '审批认定' not in body, body
    shot('cadre-household')
    visit = '入户了解家中收入和就医情况' + HOSTILE
    body = submit('/visit', {'visit-notes': visit}, '走访已登记')
    assert visit in body, body
    shot('visit-recorded', hostile=True)
    body = submit('/report', {'report-notes': '户主突发重病，医疗支出大' + HOSTILE}, '风险已报告')
    assert '基层干部排查，已上报' in body or '待核实' in body, body
    episode = re.search(r'第 (\d+) 号：', body).group(1)
    shot('risk-reported', hostile=True)
    problem = '危房待鉴定' + HOSTILE
    body = submit('/problems', {'problem-description': problem, 'problem-measure': '联系住建部门鉴定', 'problem-unit': '村委会',
                                'problem-person': '李主任', 'problem-deadline': '2099-12-31'}, '问题已登记入台账')
    assert problem in body, body
    shot('problem-opened', hostile=True)

    # The township sees the report in 我的待办, verifies and answers.
    sign_in('township')
    evaluate("document.querySelector('a[href=\"/work\"]').click()")
    wait_ready()
    body = text()
    assert '我的待办' in body and '待核实认定的风险报告' in body and head + '户' in body, body
    fits('work')
    shot('township-work')
    evaluate("document.querySelector('#inbox ~ ul a[href=\"/households/%s\"]').click()" % number)
    wait_ready()
    body = text()
    assert '核实（第 %s 号监测记录）' % episode in body and '审批认定' not in body, body
    shot('township-household', hostile=True)
    body = submit('/verify', {'verify-notes': '入户核实，情况属实' + HOSTILE}, '核实情况已登记')
    assert '反馈核实结果' in body, body
    shot('verified', hostile=True)
    body = submit('/answer', {'answer-reasons': '符合认定标准' + HOSTILE}, '核实结果已反馈')
    assert '审批认定' not in body, body
    shot('answered', hostile=True)

    # A village cadre may not approve: no form for it, and a forged one is refused, in Chinese.
    sign_in('cadre')
    load(base + '/households/' + number)
    body = text()
    assert '审批认定（' not in body and evaluate("document.querySelector('form[action$=\"/approve\"]')") is None, body
    evaluate("""(() => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/households/%s/episodes/%s/approve';
        for (const [name, value] of [['csrf', document.querySelector('input[name=csrf]').value], ['version', 'forged'],
                                     ['risk-illness', 'on'], ['kind', 'sudden-hardship'], ['on', '']]) {
            const input = document.createElement('input');
            input.type = 'hidden'; input.name = name; input.value = value;
            form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();
    })()""" % (number, episode))
    wait_ready()
    body = text()
    assert evaluate("document.getElementById('problem') !== null"), body
    assert '未办理' in body and '村干部不能办理' in body and '县级管理员' in body, body
    assert '已审批认定为监测对象' not in body, body
    shot('cadre-approve-refused', refetch=False)
    load(base + '/households/' + number)
    body = text()
    assert '审批认定' not in body and '已审批认定为监测对象' not in body, body

    # The county finds the answered report in 我的待办, approves, makes the plan (with a measure)
    # and takes the four stages of the elimination procedure.
    sign_in('county')
    evaluate("document.querySelector('a[href=\"/work\"]').click()")
    wait_ready()
    body = text()
    assert '我的待办' in body and head + '户' in body and '一键报贫' in body, body
    fits('work')
    shot('county-work', hostile=True)
    evaluate("document.querySelector('#inbox ~ ul a[href=\"/households/%s\"]').click()" % number)
    wait_ready()
    body = text()
    assert '审批认定（第 %s 号监测记录）' % episode in body, body
    shot('county-household', hostile=True)
    evaluate("document.querySelector('form[action$=\"/approve\"] input[name=\"risk-illness\"]').checked = true")
    body = submit('/approve', {'approve-kind': 'sudden-hardship'}, '已审批认定为监测对象')
    assert '制定帮扶计划' in body, body
    shot('approved', hostile=True)
    body = submit('/plan', {}, '帮扶计划已制定')
    assert '风险消除·入户核实' in body and '风险消除条件已满足' in body and '添加帮扶措施' in body, body
    shot('planned', hostile=True)
    # A measure of the plan, its description hostile.
    measure = '医疗救助' + HOSTILE
    prefix = evaluate("document.querySelector('form[action$=\"/measures\"] textarea').id").rsplit('-', 1)[0]
    body = submit('/measures', {prefix + '-description': measure, prefix + '-unit': '县医保局', prefix + '-person': '王科长',
                                prefix + '-due': '2099-12-31'}, '帮扶措施已添加')
    assert measure in body, body
    shot('measure-added', hostile=True)
    stages = [('入户核实', 'household-check'), ('民主评议和公示', 'public-review'), ('村级评议', 'village-review'),
              ('县级审核批准和公告', 'county-approval')]
    for index, (stage, slug) in enumerate(stages):
        body = text()
        assert '风险消除·' + stage in body, body
        note = evaluate("(document.getElementById('eliminate-guard') || {}).innerText")
        assert note is not None and '风险消除条件已满足' in note, '%s: %s' % (stage, note)
        body = submit('/eliminate', {'eliminate-notes': stage + '：' + HOSTILE}, '风险消除环节已登记')
        if index + 1 < len(stages):
            assert '风险消除·' + stages[index + 1][0] in body, body
        shot('eliminate-' + slug, hostile=True)
    assert '风险已消除' in body and '跟踪回访（回头看）' in body and evaluate("document.getElementById('eliminate-heading') === null"), body
    load(base + '/dashboard')
    assert '防返贫监测看板' in text(), text()
    shot('county-dashboard')
    # The county finds the reports through the bar, picks a date and opens one, printable, for
    # its area, as of the date picked.
    evaluate("document.querySelector('a[href=\"/reports\"]').click()")
    wait_ready()
    body = text()
    assert evaluate("document.querySelector('h1').innerText") == '报表', body
    assert '扶贫项目资产台账' in body and '防止返贫监测对象识别和风险消除情况月报' in body, body
    fits('reports')
    shot('county-reports')
    evaluate("document.getElementById('as_of').value = '2024-10-31'")
    evaluate("document.querySelector('button[formaction=\"/api/v1/reports/asset-ledger\"]:not([name])').click()")
    wait_ready()
    body = text()
    assert evaluate('location.search') == '?as_of=2024-10-31', evaluate('location.href')
    assert '扶贫项目资产台账' in body and '资产个数' in body and '2024-10-31' in body, body
    shot('county-asset-ledger')
    print('pages: ' + ' '.join(pages))
    print('browser session done')
finally:
    chrome.kill()
