import DixianCore

/// What each command of `dixian` is for: the abstract and discussion its `--help` shows, in
/// the language of the run (`CommandLanguage`). Option names, commands and file names stay as
/// they are in both languages.
enum CommandHelp: String, MessageCatalogue, CaseIterable {
    case auditAbstract, disclosuresAbstract, auditVerifyAbstract, verifyDiscussion
    case checklistAbstract, checklistDiscussion, copyAbstract, copyDiscussion
    case demoAbstract, demoDiscussion, dixianAbstract, dueAbstract
    case dueDiscussion, evalAbstract, evalDiscussion, exportAbstract
    case exportDiscussion, generateAbstract, generateDiscussion, householdAbstract
    case showAbstract, importAbstract, filesAbstract, filesDiscussion
    case warningsAbstract, warningsDiscussion, monitorAbstract, monitorDiscussion
    case monitorReportAbstract, monitorVerifyAbstract, answerAbstract, approveAbstract
    case eliminateAbstract, eliminateDiscussion, followUpAbstract, sendBackAbstract
    case relabelAbstract, planAbstract, makeAbstract, adjustAbstract
    case measureAbstract, doneAbstract, visitAbstract, recordAbstract
    case pluginAbstract, pluginListAbstract, checkAbstract, testAbstract
    case problemAbstract, openAbstract, fromRunAbstract, fromRunDiscussion
    case problemCloseAbstract, warningAbstract, warningCloseAbstract, replAbstract
    case replDiscussion, runAbstract, runDiscussion, reportAbstractReport
    case reportDiscussion, screenAbstract, screenDiscussion, serveAbstract
    case serveDiscussion, userAbstract, addAbstract, serveListAbstract
    case revokeAbstract, versionAbstract, passwordAbstract

    static var samples: [CommandHelp] { allCases }

    var texts: (chinese: String, english: String) {
        switch self {
        case .auditAbstract:
            ("查看登记库的信息披露记录，并证明审计日志未被改动（一户的修改记录请用 dixian household show）。",
             """
                Read the registry's records of disclosures, and prove its audit trail untouched (a household's \
                changes: dixian household show).
                """)
        case .disclosuresAbstract:
            ("列出身份证号的披露记录（未脱敏导出）：时间、操作人、去向、记录条数。",
             "List the disclosures of ID numbers (unmasked exports): when, by whom, where to, how many records.")
        case .auditVerifyAbstract:
            ("证明审计日志未被改动，或指出第一条被破坏的记录（被修改、删除、插入或调换顺序）。",
             "Prove the audit trail untouched, or name its first broken entry (changed, deleted, inserted or reordered).")
        case .verifyDiscussion: ("审计链被破坏时以状态 1 退出。", "Exits with status 1 when the chain is broken.")
        case .checklistAbstract:
            ("按登记库填写插件的台账（表格或名册），每户一行。",
             "Write a plugin's checklist (a form or ledger) filled from the registry, one row per household.")
        case .checklistDiscussion:
            ("""
                插件的行函数按户编号顺序填写登记库已有的信息（用于入户时，其余由走访人填写）。XLSX 保留表格的多级合并表头，\
                并冻结表头行；CSV 只有一行表头（上级表头以 / 连接）。文件只在全部写完后才出现：行函数出错时 --out 处不留下任何文件。
                """,
             """
                The plugin's row function fills what the registry knows (for fieldwork, the rest is left for the \
                visitor) in household-number order. XLSX keeps the form's merged multi-level headers, with the \
                header rows frozen; CSV has one header row (upper headers joined with /). The file appears only when \
                complete: a row function that fails leaves nothing at --out.
                """)
        case .copyAbstract:
            ("把 SQLite 登记库复制到一个空的 PostgreSQL 数据库，供多用户数据库上的服务器使用。",
             "Copy a SQLite registry into an empty PostgreSQL database, for a server over a multi-user database.")
        case .copyDiscussion:
            ("""
                复制全部记录及登记库自身的历史：审计日志、信息披露记录、服务器用户和筛查运行记录。要么全部复制，要么什么都不复制；\
                PostgreSQL 数据库中不能已有登记库（新数据库会建好表结构）。本次复制在两个登记库中都记为 --actor 对身份证号的一次披露（见 dixian audit disclosures）\
                。
                """,
             """
                Copies every record and the registry's own history with it: the audit trail, the disclosures, the \
                server's users and the screening runs. All or nothing; the PostgreSQL database must hold no registry \
                yet (its schema is created if it is new). The copy is recorded in both registries as a disclosure of \
                ID numbers by --actor (dixian audit disclosures).
                """)
        case .demoAbstract:
            ("生成一个模拟县，导入 SQLite，用县级插件筛查，列出到期事项并汇总。",
             """
                Generate a synthetic county, import it into SQLite, screen it with a county plugin, list what is \
                due, and summarise.
                """)
        case .demoDiscussion: ("即 README 中的主要演示：全部使用内置的默认数据库 SQLite。", "The README's main job: everything runs on the embedded default, SQLite.")
        case .dixianAbstract:
            ("底线 Dixian：对有返贫致贫风险的农村家庭开展动态监测，并管理帮扶工作。",
             "Dixian (底线): monitor rural households at risk of returning to poverty and manage their assistance.")
        case .dueAbstract: ("按乡镇和责任人列出到期和逾期事项。", "List what is due and overdue, grouped by township and responsible person.")
        case .dueDiscussion:
            ("""
                插件的时限规定（计时、走访要求）对范围内每一户运行，并加上其定期工作（每月、每季度、每年）、有期限的问题和帮扶措施，\
                以及待核实的部门预警。列出全部逾期事项，以及 --within 天内到期的事项。某户的时限规定运行出错时以状态 3 退出（此时清单不完整，\
                出错之处会一一列出）。
                """,
             """
                The plugin's deadlines (its clocks, visit duties) run over every household in scope; its duties \
                (monthly, quarterly, yearly), problems and measures with a deadline, and department warnings \
                awaiting verification are added. Everything overdue is listed, and what falls due within --within \
                days. Exit status 3 when a deadline failed on a household (the list is then incomplete; the failures \
                are named).
                """)
        case .evalAbstract: ("在插件沙箱中运行一段 Lua 代码并输出其返回值。", "Run a Lua chunk in the plugin sandbox and print what it returns.")
        case .evalDiscussion:
            ("""
                使用 --plugin-dir 时，代码在新的插件环境中运行，require() 在该文件夹中查找模块。使用 --plugin 并给出登记库（--db FILE、\
                --postgres URL 或 DIXIAN_POSTGRES）时，代码在绑定了控制台函数的环境中运行，与 dixian repl 相同（--write、\
                --actor、--as-of 用法也相同）。结果按 lua 控制台的方式输出。Lua 出错、超出指令预算或内存上限时以状态 1 退出；\
                留有未提交的修改时，修改被放弃，以状态 3 退出。
                """,
             """
                With --plugin-dir, the chunk runs in a fresh plugin environment whose require() resolves modules \
                there. With --plugin and a registry (--db FILE, --postgres URL or DIXIAN_POSTGRES), it runs with the \
                console's functions bound, as in dixian repl (--write, --actor, --as-of as there). Results are \
                printed as the lua console prints them. A Lua error, an exceeded instruction budget or memory cap \
                exits with status 1; changes left uncommitted are dropped, with status 3.
                """)
        case .exportAbstract: ("把登记库导出为交换格式的 CSV 文件，身份证号脱敏。", "Export the registry as interchange CSV files, ID numbers masked.")
        case .exportDiscussion:
            ("""
                每张表写一个 CSV 文件到 --out。除非给出 --unmasked，身份证号均脱敏；未脱敏的导出在登记库中记为 --actor 的一次披露（见 dixian audit disclosures）\
                。
                """,
             """
                Writes one CSV per table into --out. ID numbers are masked unless --unmasked is given; an unmasked \
                export is recorded in the registry as a disclosure by --actor (dixian audit disclosures).
                """)
        case .generateAbstract: ("以交换格式写出一个模拟县。", "Write a synthetic county in the interchange format.")
        case .generateDiscussion:
            ("""
                使用县级插件的地理信息（真实的县级代码和乡镇），写出户、成员、收入、“两不愁三保障”核查、监测记录、帮扶计划、\
                走访、预警、问题和资产。县、规模和种子相同，生成的文件也相同。
                """,
             """
                Uses the county plugin's geography (its real county code and townships) and writes households, \
                members, incomes, guarantee surveys, monitoring episodes, plans, visits, warnings, problems and \
                assets. The same county, size and seed give the same files.
                """)
        case .householdAbstract: ("查看一户的档案。", "Show a household's file.")
        case .showAbstract:
            ("登记库中关于一户的全部信息，身份证号脱敏：成员、收入、核查、监测及其每个环节、帮扶计划和措施、走访、问题、预警。",
             """
                Everything the registry holds about a household, ID numbers masked: members, incomes, surveys, \
                monitoring with every step, plans and measures, visits, problems, warnings.
                """)
        case .importAbstract: ("把交换格式的 CSV 文件或部门预警导入登记库。", "Import interchange CSV files, or a department's warnings, into the registry.")
        case .filesAbstract:
            ("把交换文件（CSV 或 XLSX）导入登记库，要么全部导入，要么都不导入（默认子命令）。",
             "Import interchange files (CSV or XLSX) into the registry, all or nothing (the default).")
        case .filesDiscussion:
            ("""
                PATH 是存放交换文件（households.csv、members.csv 等）的文件夹，或其中一个文件；\
                文件格式见 docs/data-format.md。一张表也可以是同名、同列的 XLSX 工作簿（如 households.xlsx，\
                读取第一个工作表；行号即表格中的行号）。要么每一行都导入，要么什么都不改，并列出每个有问题的行及其文件、行号、\
                列和原因（退出状态 1）。
                """,
             """
                PATH is a folder of interchange files (households.csv, members.csv, ...) or one of them; \
                docs/data-format.md describes them. A table may come as an XLSX workbook of the same name and \
                columns instead (households.xlsx, first sheet; lines are its row numbers). Either every row is \
                imported, or nothing is changed and every bad row is listed with its file, line, column and reason \
                (exit status 1).
                """)
        case .warningsAbstract:
            ("导入部门预警：每条预警按身份证号匹配到成员，成为一项核实任务。",
             "Import a department's warnings: each is matched to a member by ID number and becomes a verification task.")
        case .warningsDiscussion:
            ("""
                FILE 是 CSV 文件（或 XLSX 工作簿，读取第一个工作表），列为 department 预警部门、resident_id 身份证号、\
                received_on 预警日期 和 reason 预警原因（见 docs/data-format.md）。要么保存每一行，\
                要么只要有一行有问题就都不保存，并列出每个有问题的行（退出状态 1）。匹配不到登记库成员的预警也会保存并列为未匹配，\
                不会丢弃；每条预警都待乡镇办理，直到用 dixian warning close 记录核实结果。
                """,
             """
                FILE is a CSV (or an XLSX workbook, first sheet) with the columns department 预警部门, resident_id 身份证号, \
                received_on 预警日期 and reason 预警原因 (docs/data-format.md). Either every row is kept or, if any row is \
                bad, nothing is and every bad row is listed (exit status 1). Warnings naming no member of the \
                registry are kept and listed as unmatched, never dropped; each warning stays open for the township \
                until dixian warning close records its result.
                """)
        case .monitorAbstract:
            ("办理一户的监测流程：报告、核实、反馈、审批认定、风险消除、回头看。",
             "Take a household through monitoring: report, verify, answer, approve, eliminate, follow up.")
        case .monitorDiscussion:
            ("""
                每个命令是监测记录的一次有日期、有操作人的流转，按监测流程（docs/workflows.md）和插件的校验规则检查，\
                并记入审计日志。不允许的流转会以插件的语言说明原因，且不作任何修改（退出状态 2）。
                """,
             """
                Each command is one dated, attributed transition of a monitoring episode, checked against the \
                lifecycle (docs/workflows.md) and the plugin's guards, and audited. A refused transition is \
                explained in the plugin's language and changes nothing (exit status 2).
                """)
        case .monitorReportAbstract: ("报告风险：新建一条监测记录。", "Report a risk: open a monitoring episode (报告).")
        case .monitorVerifyAbstract: ("记录乡镇的核实结果。", "Record the township's verification (核实).")
        case .answerAbstract: ("反馈核实结果：同意提请审批，或以书面理由不同意。", "Feed the result back (反馈): accepted for approval, or rejected with written reasons.")
        case .approveAbstract: ("审批认定，给出风险类别和监测对象类别。", "Approve identification (审批认定) with risk types and kind.")
        case .eliminateAbstract: ("按顺序记录风险消除的一个环节；先由插件的校验规则审查。", "Record a step of risk elimination, in order; the plugin's guards are asked first.")
        case .eliminateDiscussion:
            ("""
                环节：household-check 入户核实、public-review 民主评议和公示、village-review 村级评议、\
                county-approval 县级审核批准和公告（风险自此环节起消除）。
                """,
             """
                Stages: household-check 入户核实, public-review 民主评议和公示, village-review 村级评议, county-approval 县级审核批准和公告 \
                (the risk is eliminated from this step).
                """)
        case .followUpAbstract: ("记录对已消除风险户的回头看。", "Record a follow-up (回头看) of an eliminated household.")
        case .sendBackAbstract: ("把已消除风险的户回退到监测。", "Send an eliminated household back to monitoring (回退).")
        case .relabelAbstract: ("为已识别或已消除风险的户再标注新的风险。", "Label a new risk (再标注) on an identified or eliminated household.")
        case .planAbstract: ("制定和调整一户一策帮扶计划，添加帮扶措施并标记完成。", "Make and adjust 一户一策 plans, add measures and mark them done.")
        case .makeAbstract: ("为已识别的监测记录制定帮扶计划。", "Make the plan of an identified episode (制定帮扶计划).")
        case .adjustAbstract: ("记录帮扶计划的年度动态调整。", "Record the plan's yearly adjustment (动态调整).")
        case .measureAbstract: ("为帮扶计划添加一项帮扶措施。", "Add a measure to a plan.")
        case .doneAbstract: ("标记一项帮扶措施已完成。", "Mark a measure done.")
        case .visitAbstract: ("记录入户走访。", "Record visits to households (入户走访).")
        case .recordAbstract: ("记录一次走访。", "Record one visit.")
        case .pluginAbstract: ("列出、检查和测试县级插件。", "List, check and test county plugins.")
        case .pluginListAbstract: ("列出已安装的插件及各自的来源。", "Show the installed plugins and where each comes from.")
        case .checkAbstract:
            ("加载并校验插件：接口版本、字段、重复编号、各文件声明的内容。",
             "Load a plugin and validate it: API version, fields, duplicate ids, what its files declare.")
        case .testAbstract: ("运行插件的测试用例（spec/*.lua）；有用例失败时以状态 1 退出。", "Run a plugin's specs (spec/*.lua); exit status 1 when one fails.")
        case .problemAbstract:
            ("在问题台账中新增问题，把筛查发现转为问题，并以整改措施办结。",
             "Open problems in the ledger, turn screening findings into problems, and close them with their fix.")
        case .openAbstract: ("新增一个问题（例如一项检查结果）。", "Open one problem (an inspection result, say).")
        case .fromRunAbstract: ("把一次筛查运行中针对户的发现转为问题，每条发现一个问题。", "Turn the household findings of a screening run into problems, one per finding.")
        case .fromRunDiscussion:
            ("同一户已在台账中未办结的同一发现不重复录入。责任人为该户的帮扶责任人，没有帮扶责任人时为 --person。",
             """
                A finding already open in the ledger for the same household is not entered twice. The responsible \
                person is the household's helper, or --person where it has none.
                """)
        case .problemCloseAbstract: ("以已完成的整改办结一个问题（办结销号）。", "Close a problem with the fix that was made (办结销号).")
        case .warningAbstract:
            ("办结乡镇对部门预警的核实（预警用 dixian import warnings 导入）。",
             "Close the township's verification of a department warning (import them with dixian import warnings).")
        case .warningCloseAbstract:
            ("记录核实结果；给出 --report 时，同时为该户新建一条监测记录。",
             "Record the verification result; with --report, also open a monitoring episode for the household.")
        case .replAbstract:
            ("在运行中的登记库上打开交互式 Lua 控制台，绑定插件的函数（输入 .help 查看）。",
             "An interactive Lua console on the live registry, with the plugin's functions bound (.help lists them).")
        case .replDiscussion:
            ("""
                支持行编辑和历史记录（保存在 --history，默认 ~/.dixian_history）、Tab 补全全局变量和字段、\
                多行输入直到代码完整、输出 =表达式 和单独的表达式。除非给出 --write，否则只读；给出时修改并入同一事务，\
                commit() 后生效，有未提交的修改时退出前会先询问。Ctrl-C 中止正在运行的语句；沙箱的限制适用于每条语句。
                """,
             """
                Line editing and history (kept in --history, by default ~/.dixian_history), Tab completion of \
                globals and fields, multi-line input until a chunk is complete, =expr and bare expressions printed. \
                Read-only unless --write; then changes join one transaction that commit() makes permanent, and \
                leaving with uncommitted changes asks first. Ctrl-C stops a running statement; the sandbox's limits \
                apply to every statement.
                """)
        case .runAbstract: ("在不需要终端的情况下运行绑定了控制台函数的 Lua 脚本。", "Run a Lua script with the console's functions bound, without a terminal.")
        case .runDiscussion:
            ("""
                脚本通过 ... 和全局变量 arg 获得参数，其返回值会被输出。退出状态：运行完成为 0；出错（或超出预算、\
                内存上限，错误信息会给出行号）为 1；结束时留有未 commit() 的修改（--write）为 3，这些修改会被放弃。
                """,
             """
                The script gets its arguments as ... and as the global arg. What it returns is printed. Exit status: \
                0 when it ran; 1 when it raised (or ran out of budget or memory; the error names the line); 3 when \
                it ended with changes it did not commit() (--write), which are then dropped.
                """)
        case .reportAbstractReport:
            ("按登记库生成插件的报表（由其 Lua 脚本构建的章节、文字和表格）。",
             "Write a plugin's report (sections, text and tables built by its Lua script) from the registry.")
        case .reportDiscussion:
            ("""
                报表脚本按 --as-of 向登记库查询所需的数字（户、监测记录、收入、问题、资产、筛查发现、到期工作）并排版。\
                文件只在全部完成后才出现：脚本出错或返回格式不对的文档时，错误信息会给出插件文件和行号，--out 处不留下任何文件。
                """,
             """
                The report's script asks the registry for the counts it needs (households, monitoring episodes, \
                incomes, problems, assets, screening findings, due work) as of --as-of and lays them out. The file \
                appears only when complete: a script that raises or returns a malformed document gets an error \
                naming its plugin file and line, and leaves nothing at --out.
                """)
        case .screenAbstract:
            ("对范围内每一户（及资产）运行插件的检查项，并记录本次运行。",
             "Run a plugin's checks over every household (and asset) in scope and record the run.")
        case .screenDiscussion:
            ("""
                从登记库并行读取各户（--workers，默认每个处理器核心一个），每个工作线程有自己的 Lua 状态。运行结束后，在一个事务中与当前结果比对：\
                只记录新出现和已消除的发现，当前结果随之更新，历次运行的结果仍可查询。某个检查项出错、返回无意义的结果或用尽指令预算时，运行不会停止：会给出该检查项的插件文件和行号，\
                其他检查项的发现有效，本次运行标记为不完整（退出状态 3）。
                """,
             """
                Households are read from the registry in parallel (--workers, default: one per core), each worker \
                with its own Lua state. Once done, the run is compared with the current findings in one \
                transaction: only the findings it opened and closed are recorded, the current findings become its \
                own, and what earlier runs found stays readable. A check that raises, returns nonsense or \
                exhausts the instruction budget does not stop the run: it is named with its plugin file and line, \
                the other checks' findings stand, and the run is marked incomplete (exit status 3).
                """)
        case .serveAbstract:
            ("通过 HTTP 提供登记库服务：JSON 接口（/api，说明见 /openapi.json）、农户自主申报页面和工作台。",
             """
                Serve the registry over HTTP: the JSON API (/api, described at /openapi.json), the self-report page \
                and the dashboard.
                """)
        case .serveDiscussion:
            ("""
                工作人员在 /login 用用户名和密码登录网页，接口对接系统用 dixian user add 输出的访问令牌；每人只能查看和修改其角色和负责区域允许的内容，\
                每次修改都以其名义记入审计日志。公开的自主申报表（/self-report）限制每个地址每分钟的提交次数。
                """,
             """
                Staff sign in to the pages at /login with a user name and password, integrations to the API with the \
                access tokens dixian user add prints; each sees and changes only what their role and areas allow, and every change is audited as theirs. The public self-report form \
                (/self-report) takes a limited number of submissions a minute from one address.
                """)
        case .userAbstract:
            ("管理服务器用户：add（只输出一次访问令牌）、password、list、revoke。",
             "Manage the server's users: add (prints the access token once), password, list, revoke.")
        case .addAbstract:
            ("添加用户，或为已有用户发放新令牌；首次密码从 --password-file 文件或标准输入（非终端时）读取。",
             "Add a user, or give an existing one a new token; the first password is read from --password-file, or standard input when it is not a terminal.")
        case .passwordAbstract:
            ("为用户设置新的登录密码：从 --password-file 文件读取，标准输入不是终端时从标准输入读取，否则在终端输入两次（不回显）。",
             "Set a user's new password: read from --password-file, from standard input when it is not a terminal, else typed twice at the terminal (not shown).")
        case .serveListAbstract: ("列出用户（不显示令牌）。", "List the users (never their tokens).")
        case .revokeAbstract: ("撤销用户的访问权限。", "Revoke a user's access.")
        case .versionAbstract: ("输出 Dixian 及其 Lua 的版本。", "Print the versions of Dixian and its Lua.")
        }
    }
}
