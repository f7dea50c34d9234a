import DixianCore
import DixianServer

/// What each option, flag and argument of `dixian` takes: the help `--help` shows beside it,
/// in the language of the run (`CommandLanguage`). Values the option accepts stay as they are.
enum OptionHelp: String, MessageCatalogue, CaseIterable {
    case sheetOptionsPlugin, areaPrefix, sheetOptionsAsOf, sheetOptionsFormat
    case sheetOptionsOut, checklistId, workers, copyDb
    case copyPostgres, copyActor, demoCounty, households
    case demoPlugin, seed, demoDb, duePlugin
    case dueAsOf, dueWithin, tableJSONOrCSV, outputFile
    case dueLimit, evalPluginDirectory, evalDb, evalPostgres
    case evalPlugin, evalWrite, evalActor, evalAsOf
    case evalPluginFolders, evalTraceback, evalChunk, actorDefaultSystemUser
    case exportOut, exportUnmasked, generateCounty, generateOut
    case householdNumber, showAsOf, filesPath, filesDryRun, filesPlugin
    case warningsFile, warningsAllUnmatched, episodeID, episodeOptionsOn
    case episodeOptionsBy, reportChannel, reportOn, reportBy
    case reportNotes, verifyNotes, answerDecision, answerReasons
    case approveRisks, approveKind, eliminateStage, eliminateNotes
    case followUpNotes, sendBackReasons, relabelRisks, relabelNotes
    case dateDefaultToday, makeBy, planID, measureType
    case measureDescription, measureUnit, measurePerson, measureStarts
    case measureDue, doneMeasure, recordVisitor, recordRole
    case recordNotes, pluginReference, pluginSearchOptionsFolders, openHousehold
    case openFoundBy, openOn, openDescription, responsibleUnit
    case openPerson, openMeasure, openDeadline, fromRunRun
    case fromRunChecks, fromRunDays, fromRunPerson, fromRunMeasure
    case closeProblem, closeFix, closeWarning, closeResult
    case closeReport, closeBy, storeOptionsDb, storeOptionsPostgres
    case consoleOptionsPlugin, consoleOptionsWrite, consoleOptionsActor, consoleOptionsAsOf
    case replHistory, runScript, runArguments, reportId
    case sandboxOptionsInstructionBudget, sandboxOptionsMemoryCap, screenPlugin, screenAsOf
    case screenLimit, screenWorkers, screenActor, screenVerify, screenChanged, servePlugin
    case serveHost, servePort, serveSelfReportLimit, servePublicURL
    case serveIdleTimeout, serveMaxConnections, serveRescreenHour, loginName, addRole
    case addArea, addExpires, addActor, revokeActor, passwordFile, passwordActor
    case workflowOptionsPlugin, workflowOptionsActor

    static var samples: [OptionHelp] { allCases }

    var texts: (chinese: String, english: String) {
        switch self {
        case .sheetOptionsPlugin: ("定义该台账或报表的县级插件。", "The county plugin that declares the checklist or report.")
        case .areaPrefix:
            ("只含村级代码以此区划代码开头的户（默认：插件负责的区域）。",
             "Only households whose village code starts with this area code (default: the area the plugin serves).")
        case .sheetOptionsAsOf: ("读取登记库所依据的日期（YYYY-MM-DD；默认：今天）。", "The date the registry is read as of (YYYY-MM-DD; default: today).")
        case .sheetOptionsFormat:
            ("""
                台账可用 xlsx、csv 或 pdf；报表可用 xlsx、csv、html、md 或 pdf（pdf 由 LibreOffice 打印）\
                。
                """,
             "xlsx, csv or pdf for a checklist; xlsx, csv, html, md or pdf for a report (pdf: printed by LibreOffice).")
        case .sheetOptionsOut: ("要写入的文件。", "The file to write.")
        case .checklistId: ("台账编号（见 dixian plugin check PLUGIN）。", "The checklist's id (see: dixian plugin check PLUGIN).")
        case .workers: ("同时运行的工作线程（Lua 状态）数。", "Workers (Lua states) at once.")
        case .copyDb: ("要复制的 SQLite 登记库。", "The SQLite registry to copy.")
        case .copyPostgres:
            ("PostgreSQL 数据库：postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE。",
             "The PostgreSQL database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        case .copyActor:
            ("复制的操作人：复制会转移全部身份证号，在两个登记库中都记为此人的一次披露。",
             "Who makes the copy: it moves every ID number, and is recorded in both registries as a disclosure by them.")
        case .demoCounty: ("县级插件（其 geography.lua 给出县及所辖乡镇）。", "The county plugin (its geography.lua names the county and its townships).")
        case .households: ("户数。", "How many households.")
        case .demoPlugin: ("用于筛查该县的插件（默认：该县自己的插件）。", "The plugin that screens the county (default: the county's own).")
        case .seed: ("随机数种子。", "The random seed.")
        case .demoDb: ("要创建的 SQLite 文件（默认：临时文件夹中的新文件）。", "The SQLite file to create (default: a new file in a temporary folder).")
        case .duePlugin: ("适用其时限规定的县级插件。", "The county plugin whose deadlines apply.")
        case .dueAsOf: ("日期（YYYY-MM-DD；默认：今天）。", "The date (YYYY-MM-DD; default: today).")
        case .dueWithin: ("同时列出此天数内到期的事项。", "Also list what falls due within this many days.")
        case .tableJSONOrCSV: ("table、json 或 csv。", "table, json or csv.")
        case .outputFile: ("输出写入此文件，而不是标准输出。", "Write the output to this file instead of standard output.")
        case .dueLimit: ("表格格式中列出的事项条数。", "Items listed in the table format.")
        case .evalPluginDirectory: ("require() 查找模块的插件文件夹。", "The plugin directory require() resolves modules in.")
        case .evalDb:
            ("登记库的 SQLite 数据库文件（与 --plugin 同用时绑定控制台函数）。",
             "The registry's SQLite database file (with --plugin: the console's functions are bound).")
        case .evalPostgres:
            ("""
                登记库的 PostgreSQL 数据库，代替 --db：postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE（与 --plugin 同用时默认为 $DIXIAN_POSTGRES）\
                。
                """,
             """
                The registry's PostgreSQL database, instead of --db: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE \
                (default with --plugin: $DIXIAN_POSTGRES).
                """)
        case .evalPlugin: ("控制台函数所用的县级插件（与 --db 或 --postgres 同用；默认：配置文件的 plugin）。", "The county plugin the console's functions use (with --db or --postgres; default: the configuration file's plugin).")
        case .evalWrite: ("与 --plugin 同用：允许修改，commit() 后生效。", "With --plugin: allow changes, made permanent by commit().")
        case .evalActor: ("与 --plugin 同用：修改的操作人，记入审计日志。", "With --plugin: who makes the changes, for the audit trail.")
        case .evalAsOf: ("与 --plugin 同用：控制台的日期（YYYY-MM-DD；默认：今天）。", "With --plugin: the console's date (YYYY-MM-DD; default: today).")
        case .evalPluginFolders: ("与 --plugin 同用：优先查找的插件文件夹（可重复）。", "With --plugin: a folder of plugins to search first (repeatable).")
        case .evalTraceback: ("出错后输出 Lua 的调用栈。", "Print Lua's traceback after an error.")
        case .evalChunk: ("要运行的 Lua 代码。", "The Lua chunk to run.")
        case .actorDefaultSystemUser: ("修改的操作人，记入审计日志（默认：当前系统用户）。", "Who the changes are made by, for the audit trail (default: the system user).")
        case .exportOut:
            ("写入文件的文件夹（不存在时创建；其中原有的导出只在全部文件写完后才被替换）。",
             """
                The folder to write the files into (created if needed; an earlier export there is replaced only once \
                every file is written).
                """)
        case .exportUnmasked:
            ("完整写出身份证号。仅限经授权的用户；记为 --actor 的一次披露。",
             "Write ID numbers in full. For authorised users only; recorded as a disclosure by --actor.")
        case .generateCounty: ("县级插件（minqin、xiaoxian、binxian、yanchi 等）。", "The county plugin (minqin, xiaoxian, binxian, yanchi, ...).")
        case .generateOut: ("写入的文件夹（不存在时创建）。", "The folder to write into (created if needed).")
        case .householdNumber: ("户编号。", "The household number.")
        case .showAsOf:
            ("按插件时限规定显示逾期环节所依据的日期（YYYY-MM-DD；默认：今天）。",
             "The date whose late steps the plugin's deadlines show (YYYY-MM-DD; default: today).")
        case .filesPath: ("存放交换文件的文件夹，或一个文件。", "A folder of interchange files, or one file.")
        case .filesDryRun: ("只检查文件并列出全部问题，不修改登记库。", "Check the files and list every problem, without changing the registry.")
        case .filesPlugin:
            ("县级插件：导入后随即按其规则重新筛查所导入的农户（不超过 1 万户；更多时留待 dixian screen --changed）。",
             "The county plugin: the households imported are re-screened with its rules right after the import "
                 + "(up to 10,000; more wait for dixian screen --changed).")
        case .warningsFile: ("部门的 CSV 文件。", "The department's CSV file.")
        case .warningsAllUnmatched: ("列出全部未匹配的预警（默认：前 20 条）。", "List every unmatched warning (default: the first 20).")
        case .episodeID: ("监测记录编号。", "The monitoring episode's id.")
        case .episodeOptionsOn: ("该环节的日期（YYYY-MM-DD；默认：今天）。", "The date of the step (YYYY-MM-DD; default: today).")
        case .episodeOptionsBy: ("办理该环节的人（默认：操作人）。", "Who took the step (default: the actor).")
        case .reportChannel:
            ("""
                风险的发现渠道：self-report（农户自主申报）、cadre-visit（干部走访）、department-warning（部门预警）\
                、township-check（乡镇排查）。
                """,
             "How the risk came to light: self-report, cadre-visit, department-warning, township-check.")
        case .reportOn: ("报告日期（YYYY-MM-DD；默认：今天）。", "The date of the report (YYYY-MM-DD; default: today).")
        case .reportBy: ("报告人或受理人（默认：操作人）。", "Who reported or took the report (default: the actor).")
        case .reportNotes: ("报告的内容。", "What was reported.")
        case .verifyNotes: ("核实发现的情况。", "What the verification found.")
        case .answerDecision: ("该户是否符合标准。", "Whether the household meets the standard.")
        case .answerReasons: ("书面理由（不同意时必填）。", "The written reasons (required when rejected).")
        case .approveRisks: ("风险类别（可重复）：illness（因病）、schooling（因学）、housing（因房）等。", "A risk type (repeatable): illness, schooling, housing, ...")
        case .approveKind:
            ("三类户中的哪一类：unstable（脱贫不稳定户）、marginal（边缘易致贫户）、sudden-hardship（突发严重困难户）。",
             "Which of the 三类户: unstable, marginal, sudden-hardship.")
        case .eliminateStage: ("程序的环节。", "The stage of the procedure.")
        case .eliminateNotes: ("该环节发现或决定的情况。", "What the step found or decided.")
        case .followUpNotes: ("回头看发现的情况。", "What the follow-up found.")
        case .sendBackReasons: ("书面理由。", "The written reasons.")
        case .relabelRisks: ("新的风险类别（可重复）。", "A new risk type (repeatable).")
        case .relabelNotes: ("发生的情况。", "What happened.")
        case .dateDefaultToday: ("日期（默认：今天）。", "The date (default: today).")
        case .makeBy: ("制定人（默认：操作人）。", "Who made it (default: the actor).")
        case .planID: ("帮扶计划编号。", "The plan's id.")
        case .measureType:
            ("""
                industry（产业）、employment（就业）、education（教育）、medical（医疗）、housing（住房）\
                、drinking-water（饮水）、credit（金融）、social-security（社会保障）、public-welfare-post（公益岗位）\
                、other（其他）。
                """,
             """
                industry, employment, education, medical, housing, drinking-water, credit, social-security, \
                public-welfare-post, other.
                """)
        case .measureDescription: ("要做的事。", "What is to be done.")
        case .measureUnit: ("责任单位。", "The responsible unit (责任单位).")
        case .measurePerson: ("责任人。", "The responsible person (责任人).")
        case .measureStarts: ("开始日期（默认：今天）。", "When it starts (default: today).")
        case .measureDue: ("完成期限。", "When it is due.")
        case .doneMeasure: ("帮扶措施编号。", "The measure's id.")
        case .recordVisitor: ("走访人。", "Who visited.")
        case .recordRole:
            ("""
                走访人身份：helper（帮扶责任人）、resident-team（驻村工作队）、village-cadre（村干部）\
                、township-staff（乡镇干部）。
                """,
             "In which role: helper, resident-team, village-cadre, township-staff.")
        case .recordNotes: ("走访人记录的情况。", "What the visitor recorded.")
        case .pluginReference: ("已安装插件的编号，或含有 plugin.lua 的文件夹。", "An installed plugin's id, or a folder holding a plugin.lua.")
        case .pluginSearchOptionsFolders:
            ("在 DIXIAN_PLUGIN_PATH、配置文件的 plugin_folders、Plugins/ 和已安装的插件之前查找的插件文件夹（可重复）。",
             "A folder of plugins to search before DIXIAN_PLUGIN_PATH, the configuration file's plugin_folders, Plugins/ and the installed plugins (repeatable).")
        case .openHousehold: ("问题涉及的户（如有）。", "The household it concerns, if any.")
        case .openFoundBy: ("发现者（某次检查、某个部门）。", "Who found it (an inspection, a department).")
        case .openOn: ("发现日期（默认：今天）。", "When it was found (default: today).")
        case .openDescription: ("存在的问题。", "What is wrong.")
        case .responsibleUnit: ("责任单位。", "The responsible unit.")
        case .openPerson: ("责任人。", "The responsible person.")
        case .openMeasure: ("整改措施。", "The measure to fix it (整改措施).")
        case .openDeadline: ("整改时限。", "The deadline (整改时限).")
        case .fromRunRun: ("筛查运行编号（dixian screen 会输出）。", "The screening run's id (dixian screen prints it).")
        case .fromRunChecks: ("只取此检查项的发现（可重复；默认：全部）。", "Only findings of this check (repeatable; default: all).")
        case .fromRunDays: ("从运行日期到整改时限的天数。", "Days from the run's date to the deadline.")
        case .fromRunPerson: ("户没有帮扶责任人时的责任人。", "The responsible person where a household has no helper.")
        case .fromRunMeasure: ("整改措施。", "The measure to fix them.")
        case .closeProblem: ("问题编号。", "The problem's id.")
        case .closeFix: ("已完成的整改。", "The fix that was made.")
        case .closeWarning: ("预警编号。", "The warning's id.")
        case .closeResult: ("核实结果。", "The verification result (核实结果).")
        case .closeReport: ("该户有风险：新建一条监测记录（发现渠道为部门预警）。", "The household is at risk: open a monitoring episode (channel department-warning).")
        case .closeBy: ("报告人（默认：操作人）。", "Who reports it (default: the actor).")
        case .storeOptionsDb: ("登记库的 SQLite 数据库文件。", "The registry's SQLite database file.")
        case .storeOptionsPostgres:
            ("""
                登记库的 PostgreSQL 数据库：postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE（默认：\
                $DIXIAN_POSTGRES）。
                """,
             """
                The registry's PostgreSQL database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: \
                $DIXIAN_POSTGRES).
                """)
        case .consoleOptionsPlugin:
            ("控制台绑定其检查项、时限规定、校验规则和报表的县级插件。",
             "The county plugin whose checks, deadlines, guards and reports the console binds.")
        case .consoleOptionsWrite:
            ("允许修改：修改并入同一事务，commit() 后生效，rollback() 放弃。",
             "Allow changes: they join one transaction, made permanent by commit() and dropped by rollback().")
        case .consoleOptionsActor: ("管理员是谁，记入审计日志（默认：当前系统用户）。", "Who the administrator is, for the audit trail (default: the system user).")
        case .consoleOptionsAsOf: ("控制台的日期（YYYY-MM-DD；默认：今天）：视图按此日期读取。", "The console's date (YYYY-MM-DD; default: today): views are read as of it.")
        case .replHistory: ("历史记录文件（默认：~/.dixian_history）。", "The history file (default: ~/.dixian_history).")
        case .runScript: ("脚本。", "The script.")
        case .runArguments: ("传给脚本的参数。", "Arguments for the script.")
        case .reportId: ("报表编号（见 dixian plugin check PLUGIN）。", "The report's id (see: dixian plugin check PLUGIN).")
        case .sandboxOptionsInstructionBudget: ("一次调用最多可运行的 Lua 指令数。", "Lua instructions one call may run.")
        case .sandboxOptionsMemoryCap: ("一个 Lua 状态最多可占用的内存，以字节计，或带 K、M、G 后缀。", "Memory one Lua state may hold, in bytes or with a K, M or G suffix.")
        case .screenPlugin: ("插件：已安装插件的编号，或含有 plugin.lua 的文件夹。", "The plugin: an installed plugin's id, or a folder holding a plugin.lua.")
        case .screenAsOf:
            ("评估日期（YYYY-MM-DD）：按此日期适用参数、计算年龄、读取截至此日的记录。",
             "The assessment date (YYYY-MM-DD): parameters in force on it, ages on it, records up to it.")
        case .screenLimit: ("表格格式中列出的发现条数。", "Findings listed in the table format.")
        case .screenWorkers: ("同时进行筛查的工作线程（Lua 状态）数。", "Workers (Lua states) screening at once.")
        case .screenActor: ("筛查的操作人（随运行记录）。", "Who runs the screening (recorded with the run).")
        case .screenVerify:
            ("不记录运行：从头筛查一遍，与当前结果逐条核对，列出每处差异（有差异时退出状态 1）。",
             "Record nothing: screen from scratch and list every difference from the current findings (exit status 1 if any).")
        case .screenChanged:
            ("只重新筛查上次筛查以来有改动的户；评估日期、插件文件或参数与当前结果不同时，整县（或 --area）重新筛查。",
             "Re-screen only the households changed since they were last screened; a whole run instead when --as-of, the plugin's files or its parameters differ from the current findings'.")
        case .servePlugin: ("服务器遵循其规则和语言的县级插件。", "The county plugin whose rules and language the server follows.")
        case .serveHost: ("监听的地址。", "The address to listen on.")
        case .servePort: ("监听的端口。", "The port to listen on.")
        case .serveSelfReportLimit: ("每个地址每分钟允许的自主申报提交次数。", "Self-report submissions allowed per minute from one address.")
        case .servePublicURL:
            ("用户访问服务器的地址，位于反向代理之后时使用（https://…：Cookie 标记为 Secure，并发送 HSTS）。",
             """
                The address users reach the server at, behind a proxy (https://...: cookies are marked Secure, HSTS \
                is sent).
                """)
        case .serveIdleTimeout:
            ("连接保持静默或发送请求头所允许的秒数，超过即关闭。",
             "Seconds a connection may stay silent, or take to send a request's head, before it is closed.")
        case .serveMaxConnections: ("同时服务的连接数；更多的连接等待有连接关闭。", "Connections served at once; more wait until one closes.")
        case .serveRescreenHour:
            ("每天几点（北京时间，0–23 时）重新筛查有改动或换了日期的农户，同 dixian screen --changed；-1 为不自动筛查。",
             "The hour of each day (Beijing time, 0–23) at which households changed, or all on a new date, are re-screened, as dixian screen --changed does; -1 for never.")
        case .loginName: ("登录名。", "The login name.")
        case .addRole:
            ("""
                county-administrator（县级管理员）、township-staff（乡镇干部）、village-cadre（村干部）\
                、department（行业部门）或 auditor（审计人员）。
                """,
             "county-administrator, township-staff, village-cadre, department or auditor.")
        case .addArea: ("用户负责的区划代码（可重复）：县、乡镇或村级代码。", "An area code the user works in (repeatable): a county, township or village code.")
        case .addExpires: ("令牌有效的最后一天（默认：今天起 90 天）。", "The last day the token is good for (default: 90 days from today).")
        case .addActor: ("添加用户的操作人，记入审计日志（默认：当前系统用户）。", "Who adds the user, for the audit trail (default: the system user).")
        case .revokeActor: ("撤销用户的操作人，记入审计日志（默认：当前系统用户）。", "Who revokes the user, for the audit trail (default: the system user).")
        case .passwordFile:
            ("从此文件的第一行读取密码（至少 \(Password.minimumLength) 个字符）。切勿在命令行上直接写密码：其他用户可在进程列表中看到。",
             "Read the password from the first line of this file (at least \(Password.minimumLength) characters). Never put a password on the command line: other users see it in the process list.")
        case .passwordActor: ("设置密码的操作人，记入审计日志（默认：当前系统用户）。", "Who sets the password, for the audit trail (default: the system user).")
        case .workflowOptionsPlugin:
            ("县级插件：由其校验规则审查监测流转，提示信息使用其语言。",
             "The county plugin: its guards judge monitoring transitions; messages follow its language.")
        case .workflowOptionsActor: ("修改的操作人，记入审计日志（默认：当前系统用户）；与系统用户（dixian user add）同名时按其角色办理，否则按县级管理员办理。",
                                     "Who makes the change, for the audit trail (default: the system user); the name of a server user (dixian user add) acts in that user's role, any other name as the county administrator.")
        }
    }
}
