import DixianTestSupport
import Foundation
import Testing

/// The server's pages in headless Chromium, driven through the DevTools protocol: a household
/// submits the self-report form, an official signs in, reads the dashboard, finds a household
/// and opens its page (at a 390-pixel phone width); a village cadre records a visit and reports
/// a risk through the household page's forms, and the township finds the report in 我的待办 and
/// verifies it. The run leaves
/// a screenshot of each in the `screenshots` folder beside the package.
@Suite(.serialized)
struct BrowserPagesTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-browser-\(UUID().uuidString)")
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/screenshots")

    static let session = #"""
        import base64, json, subprocess, sys, tempfile, time, urllib.request
        import websocket
        base, name, resident, password, shots, chromium, number, head = sys.argv[1:9]
        for _ in range(100):  # the server is starting
            try:
                urllib.request.urlopen(base + '/openapi.json')
                break
            except OSError:
                time.sleep(0.1)
        profile = tempfile.mkdtemp()
        chrome = subprocess.Popen([chromium, '--headless=new', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0',
                                   '--user-data-dir=' + profile, '--window-size=420,900', 'about:blank'],
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
            def evaluate(expression):
                return call('Runtime.evaluate', expression=expression, returnByValue=True).get('result', {}).get('value')
            def load(url):
                call('Page.navigate', url=url)
                wait_ready()
            def wait_ready():
                time.sleep(0.3)
                for _ in range(100):
                    if evaluate('document.readyState') == 'complete':
                        return
                    time.sleep(0.1)
            def shot(file):
                data = call('Page.captureScreenshot', format='png', captureBeyondViewport=True)['data']
                open(shots + '/' + file, 'wb').write(base64.b64decode(data))
            call('Page.enable')
            load(base + '/self-report')
            assert '防止返贫一键申报' in evaluate('document.body.innerText'), evaluate('document.body.innerText')
            evaluate("document.getElementById('name').value = %s" % json.dumps(name))
            evaluate("document.getElementById('resident_id').value = %s" % json.dumps(resident))
            evaluate("document.getElementById('phone').value = '13912345678'")
            evaluate("document.getElementById('risk').value = 'illness'")
            evaluate("document.getElementById('difficulty').value = '家中老人住院，医疗费用负担重'")
            shot('self-report-form.png')
            evaluate("document.querySelector('form').submit()")
            wait_ready()
            text = evaluate('document.body.innerText')
            assert '申报已受理' in text, text
            shot('self-report-accepted.png')
            load(base + '/login')
            shot('login.png')
            evaluate("document.getElementById('name').value = 'county'")
            evaluate("document.getElementById('password').value = %s" % json.dumps(password))
            evaluate("document.querySelector('form').submit()")
            wait_ready()
            text = evaluate('document.body.innerText')
            assert '防返贫监测看板' in text and '农户类别' in text, text
            assert evaluate("document.querySelectorAll('svg rect').length") > 0
            shot('dashboard.png')
            # 查户 and the household page on a 390-pixel phone screen: nothing wider than it.
            call('Emulation.setDeviceMetricsOverride', width=390, height=844, deviceScaleFactor=1, mobile=True)
            evaluate("document.querySelector('a[href=\"/households/find\"]').click()")
            wait_ready()
            evaluate("document.getElementById('q').value = %s" % json.dumps(name))
            evaluate("document.querySelector('form[role=search]').submit()")
            wait_ready()
            text = evaluate('document.body.innerText')
            assert '查找结果' in text and name in text, text
            assert evaluate('document.documentElement.scrollWidth') <= 390, evaluate('document.documentElement.scrollWidth')
            shot('find.png')
            evaluate("document.querySelector('ul.results a').click()")
            wait_ready()
            text = evaluate('document.body.innerText')
            assert '家庭成员' in text and '变更记录' in text and name in text, text
            assert evaluate('document.documentElement.scrollWidth') <= 390, evaluate('document.documentElement.scrollWidth')
            shot('household.png')
            # The workbench at the phone width: a village cadre finds a household, records a visit and
            # reports a risk; the township sees the report in 我的待办 and verifies it.
            def sign_in_as(user):
                evaluate("document.querySelector('form[action=\"/logout\"]').submit()")
                wait_ready()
                load(base + '/login')
                evaluate("document.getElementById('name').value = %s" % json.dumps(user))
                evaluate("document.getElementById('password').value = %s" % json.dumps(password))
                evaluate("document.querySelector('form').submit()")
                wait_ready()
            def submit(action, fields):
                for field, value in fields.items():
                    evaluate("document.getElementById(%s).value = %s" % (json.dumps(field), json.dumps(value)))
                evaluate("document.querySelector('form[action$=%s]').submit()" % json.dumps(action))
                wait_ready()
                return evaluate('document.body.innerText')
            def fits():
                assert evaluate('document.documentElement.scrollWidth') <= 390, evaluate('document.documentElement.scrollWidth')
            sign_in_as('cadre')
            load(base + '/households/find')
            evaluate("document.getElementById('q').value = %s" % json.dumps(head))
            evaluate("document.querySelector('form[role=search]').submit()")
            wait_ready()
            evaluate("document.querySelector('a[href=\"/households/%s\"]').click()" % number)
            wait_ready()
            text = evaluate('document.body.innerText')
            assert '登记走访' in text and '报告风险' in text and '审批认定' not in text, text
            fits()
            shot('household-forms.png')
            text = submit('/visit', {'visit-notes': '入户了解家中收入和就医情况'})
            assert '走访已登记' in text and '入户了解家中收入和就医情况' in text, text
            shot('visit-recorded.png')
            text = submit('/report', {'report-notes': '户主突发重病，医疗支出大'})
            assert '风险已报告' in text and '基层干部排查，已上报' in text, text
            shot('risk-reported.png')
            sign_in_as('township')
            load(base + '/work')
            text = evaluate('document.body.innerText')
            assert '我的待办' in text and head in text, text
            fits()
            shot('my-work.png')
            evaluate("document.querySelector('#inbox ~ ul a[href=\"/households/%s\"]').click()" % number)
            wait_ready()
            text = submit('/verify', {'verify-notes': '入户核实，情况属实'})
            assert '核实情况已登记' in text and '入户核实，情况属实' in text and '反馈核实结果' in text, text
            fits()
            shot('verified.png')
            print('browser session done')
        finally:
            chrome.kill()
        """#

    @Test func aHouseholdReportsOnlineAndAnOfficialReadsTheDashboard() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = folder.appendingPathComponent("county"), db = folder.appendingPathComponent("r.sqlite").path
        #expect(try await DixianProcess.run(["generate", "--county", "minqin", "--households", "300", "--seed", "9", "--out", files.path,
                                       "--plugins", RegistryCommandTests.plugins]).status == 0)
        #expect(try await DixianProcess.run(["import", files.path, "--db", db]).status == 0)
        // A member of a household with no monitoring episode: its self-report is taken.
        func rows(_ file: String) throws -> [[String]] {
            try String(contentsOf: files.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let monitored = Set(try rows("monitoring_episodes.csv").map { $0[1] })
        let member = try #require(try rows("members.csv").first { !monitored.contains($0[1]) })
        // The export masks ID numbers, so take the full one from the generated file (column resident_id, name).
        let password = "县级管理员的密码", passwordFile = folder.appendingPathComponent("password.txt")
        try password.write(to: passwordFile, atomically: true, encoding: .utf8)
        let added = try await DixianProcess.run(["user", "add", "--db", db, "--name", "county", "--role", "county-administrator", "--area", "620621",
                                                 "--password-file", passwordFile.path])
        #expect(added.status == 0)
        // A household with no episode, for the village cadre to report; the cadre of its village
        // and the staff of its township.
        let quiet = try #require(try rows("households.csv").first { !monitored.contains($0[0]) && $0[0] != member[1] })
        for (name, role, area) in [("cadre", "village-cadre", String(quiet[0].prefix(12))), ("township", "township-staff", String(quiet[0].prefix(9)))] {
            let user = try await DixianProcess.run(["user", "add", "--db", db, "--name", name, "--role", role, "--area", area,
                                                    "--password-file", passwordFile.path])
            #expect(user.status == 0)
        }

        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Process()
        server.executableURL = DixianProcess.executable
        server.environment = DixianTestEnvironment.isolated
        server.arguments = ["serve", "--db", db, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins, "--port", String(port)]
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let outcome = try await Tool.run(OpenPyXL.python.path, [
            "-c", Self.session, "http://127.0.0.1:\(port)", member[2], member[0],
            password, Self.screenshots.path, Chromium.executable, quiet[0], quiet[3],
        ])
        #expect(outcome.status == 0, Comment(rawValue: outcome.output))
        #expect(outcome.output.contains("browser session done"))
        for file in ["self-report-form.png", "self-report-accepted.png", "login.png", "dashboard.png", "find.png", "household.png",
                     "household-forms.png", "visit-recorded.png", "risk-reported.png", "my-work.png", "verified.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: Self.screenshots.appendingPathComponent(file).path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(file)")
        }
    }
}
