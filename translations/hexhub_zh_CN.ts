<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Tr</name>
    <message>
        <source>read the datasets</source>
        <translation>查看数据集</translation>
    </message>
</context>
<context>
    <name>hexhub</name>
    <message>
        <source>Hexhub: a public-safety command centre of one hub and six centres.</source>
        <translation>Hexhub：由一个指挥中枢和六个中心组成的公共安全指挥中心。</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>显示版本号并退出。</translation>
    </message>
    <message>
        <source>List every module with its version, state and reason.</source>
        <translation>列出每个模块及其版本、状态和原因。</translation>
    </message>
    <message>
        <source>The store to use: sqlite:///path/file.db or postgresql://user@host:port/db.</source>
        <translation>要使用的数据存储：sqlite:///path/file.db 或 postgresql://user@host:port/db。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Create the first administrator NAME; the password is read from standard input.</source>
        <translation>创建第一个管理员 NAME；密码从标准输入读取。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Check the audit log&apos;s chain; exit 0 when intact, 3 when broken.</source>
        <translation>校验审计日志链；完整时退出码为 0，被破坏时为 3。</translation>
    </message>
    <message>
        <source>Look for modules in this folder (repeatable).</source>
        <translation>在此文件夹中查找模块（可重复）。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Do not load this module (repeatable).</source>
        <translation>不加载此模块（可重复）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>The audit key file (default: audit.key in the configuration folder).</source>
        <translation>审计密钥文件（默认：配置文件夹中的 audit.key）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Created administrator &apos;%1&apos; (user %2).</source>
        <translation>已创建管理员“%1”（用户 %2）。</translation>
    </message>
    <message>
        <source>No modules found in: %1</source>
        <translation>在以下位置未找到模块：%1</translation>
    </message>
    <message>
        <source>There is no user &apos;%1&apos;.</source>
        <translation>不存在用户“%1”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid user name: use 2 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>“%1”不是有效的用户名：请使用 2 到 32 个小写字母、数字、“.”、“_”或“-”，并以字母开头。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <source>A user named &apos;%1&apos; already exists.</source>
        <translation>名为“%1”的用户已存在。</translation>
    </message>
    <message>
        <source>There is no role &apos;%1&apos;.</source>
        <translation>不存在角色“%1”。</translation>
    </message>
    <message>
        <source>create a user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>An administrator already exists; add further users from the user administration, signed in as an administrator.</source>
        <translation>管理员已存在；请以管理员身份登录，在用户管理中添加其他用户。</translation>
    </message>
    <message>
        <source>grant a role</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>revoke a role</source>
        <translation>撤销角色</translation>
    </message>
    <message>
        <source>This is the last administrator; grant the role to someone else first.</source>
        <translation>这是最后一名管理员；请先将该角色授予其他人。</translation>
    </message>
    <message>
        <source>unlock an account</source>
        <translation>解锁账户</translation>
    </message>
    <message>
        <source>Permission %1 names an unknown role &apos;%2&apos;.</source>
        <translation>权限 %1 引用了未知角色“%2”。</translation>
    </message>
    <message>
        <source>Cannot read the audit key %1: %2</source>
        <translation>无法读取审计密钥 %1：%2</translation>
    </message>
    <message>
        <source>The audit key %1 is damaged (expected %2 bytes in hex).</source>
        <translation>审计密钥 %1 已损坏（应为 %2 字节的十六进制）。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the audit key.</source>
        <translation>无法为审计密钥创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot create the audit key %1: %2</source>
        <translation>无法创建审计密钥 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the audit key %1: %2</source>
        <translation>无法写入审计密钥 %1：%2</translation>
    </message>
    <message>
        <source>Audit row %1 is missing: the sequence jumps from %2 to %3 (rows deleted).</source>
        <translation>审计记录 %1 缺失：序号从 %2 跳到 %3（记录被删除）。</translation>
    </message>
    <message>
        <source>Audit row %1 is out of sequence.</source>
        <translation>审计记录 %1 的序号顺序错误。</translation>
    </message>
    <message>
        <source>Audit row %1 does not follow row %2: its link to the previous row is wrong (rows reordered, inserted or deleted).</source>
        <translation>审计记录 %1 未接续记录 %2：与上一条记录的链接不正确（记录被重排、插入或删除）。</translation>
    </message>
    <message>
        <source>Audit row %1 does not match its signature: its contents were changed or it was not written by Hexhub.</source>
        <translation>审计记录 %1 与其签名不符：内容已被修改，或并非由 Hexhub 写入。</translation>
    </message>
    <message>
        <source>The audit log&apos;s head record was altered.</source>
        <translation>审计日志的链头记录已被篡改。</translation>
    </message>
    <message>
        <source>The audit log ends at row %1 but its head records row %2: rows were deleted from the end.</source>
        <translation>审计日志止于记录 %1，但链头记录为 %2：末尾的记录已被删除。</translation>
    </message>
    <message>
        <source>The audit log&apos;s head record is missing.</source>
        <translation>审计日志的链头记录缺失。</translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact: %n row(s) verified.</source>
        <translation>
            <numerusform>审计链完整：已校验 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Migration file %1/%2 is not named NNNN_name.sql or NNNN_name.&lt;dialect&gt;.sql.</source>
        <translation>迁移文件 %1/%2 未按 NNNN_name.sql 或 NNNN_name.&lt;dialect&gt;.sql 命名。</translation>
    </message>
    <message>
        <source>Module %1 has two different migrations numbered %2.</source>
        <translation>模块 %1 有两个编号均为 %2 的不同迁移。</translation>
    </message>
    <message>
        <source>Module %1&apos;s migrations skip from %2 to %3.</source>
        <translation>模块 %1 的迁移编号从 %2 跳到了 %3。</translation>
    </message>
    <message>
        <source>Module %1&apos;s migration %2 has no variant for %3.</source>
        <translation>模块 %1 的迁移 %2 没有适用于 %3 的版本。</translation>
    </message>
    <message>
        <source>Cannot read migration %1: %2</source>
        <translation>无法读取迁移 %1：%2</translation>
    </message>
    <message>
        <source>The store has migration %1 of module &apos;%2&apos;, newer than this build knows (up to %3): it was written by a newer Hexhub. Nothing was changed; update Hexhub.</source>
        <translation>数据存储中有模块“%2”的迁移 %1，比本版本所知的（最高 %3）更新：它由更新版本的 Hexhub 写入。未做任何更改；请升级 Hexhub。</translation>
    </message>
    <message>
        <source>Migration %1 &apos;%2&apos; of module &apos;%3&apos; was changed after it was applied to this store (checksum %4 recorded, %5 now). Nothing was changed; restore the original migration and add a new one instead.</source>
        <translation>模块“%3”的迁移 %1“%2”在应用到此数据存储后被修改（记录的校验和为 %4，现在为 %5）。未做任何更改；请恢复原迁移，改为新增一个迁移。</translation>
    </message>
    <message>
        <source>Migration %1 &apos;%2&apos; failed and was rolled back: %3</source>
        <translation>迁移 %1“%2”失败并已回滚：%3</translation>
    </message>
    <message>
        <source>not a Hexhub module: no plugin metadata found (%1). A module whose JSON file is not valid JSON is built without metadata.</source>
        <translation>不是 Hexhub 模块：未找到插件元数据（%1）。JSON 文件无效的模块在构建时不会带有元数据。</translation>
    </message>
    <message>
        <source>wrong plugin interface &apos;%1&apos; (a Hexhub module declares %2)</source>
        <translation>插件接口“%1”错误（Hexhub 模块应声明 %2）</translation>
    </message>
    <message>
        <source>the module&apos;s metadata is missing or is not valid JSON</source>
        <translation>模块的元数据缺失或不是有效的 JSON</translation>
    </message>
    <message>
        <source>duplicate module id &apos;%1&apos;, also provided by %2</source>
        <translation>模块标识“%1”重复，%2 也提供了该标识</translation>
    </message>
    <message>
        <source>disabled in the settings</source>
        <translation>已在设置中停用</translation>
    </message>
    <message>
        <source>dependency cycle: %1</source>
        <translation>依赖循环：%1</translation>
    </message>
    <message>
        <source>missing dependency &apos;%1&apos; (version %2)</source>
        <translation>缺少依赖“%1”（版本 %2）</translation>
    </message>
    <message>
        <source>needs &apos;%1&apos; version %2, but version %3 (compatible back to %4) is installed</source>
        <translation>需要“%1”版本 %2，但已安装的是版本 %3（向下兼容到 %4）</translation>
    </message>
    <message>
        <source>depends on &apos;%1&apos;, which is disabled</source>
        <translation>依赖于已停用的“%1”</translation>
    </message>
    <message>
        <source>depends on &apos;%1&apos;, which failed: %2</source>
        <translation>依赖于加载失败的“%1”：%2</translation>
    </message>
    <message>
        <source>optional dependency unavailable: %1</source>
        <translation>可选依赖不可用：%1</translation>
    </message>
    <message>
        <source>optional dependency &apos;%1&apos; failed: %2</source>
        <translation>可选依赖“%1”加载失败：%2</translation>
    </message>
    <message>
        <source>cannot load the library: %1</source>
        <translation>无法加载库：%1</translation>
    </message>
    <message>
        <source>the plugin does not implement hexhub::Module</source>
        <translation>该插件未实现 hexhub::Module</translation>
    </message>
    <message>
        <source>initialize() failed without saying why</source>
        <translation>initialize() 失败且未说明原因</translation>
    </message>
    <message>
        <source>initialize() threw an unknown exception</source>
        <translation>initialize() 抛出了未知异常</translation>
    </message>
    <message>
        <source>initialization failed: %1</source>
        <translation>初始化失败：%1</translation>
    </message>
    <message>
        <source>missing field &quot;%1&quot;</source>
        <translation>缺少字段“%1”</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>字段“%1”必须是字符串</translation>
    </message>
    <message>
        <source>id &quot;%1&quot; must be lower-case letters, digits and _</source>
        <translation>标识“%1”只能包含小写字母、数字和 _</translation>
    </message>
    <message>
        <source>version &quot;%1&quot; is not a version number like 1.2.0</source>
        <translation>版本“%1”不是类似 1.2.0 的版本号</translation>
    </message>
    <message>
        <source>compatVersion &quot;%1&quot; is not a version number</source>
        <translation>compatVersion“%1”不是版本号</translation>
    </message>
    <message>
        <source>compatVersion %1 is newer than version %2</source>
        <translation>compatVersion %1 比版本 %2 更新</translation>
    </message>
    <message>
        <source>colour &quot;%1&quot; is not #rrggbb</source>
        <translation>颜色“%1”不是 #rrggbb 格式</translation>
    </message>
    <message>
        <source>field &quot;dependencies&quot; must be an array</source>
        <translation>字段“dependencies”必须是数组</translation>
    </message>
    <message>
        <source>each dependency needs a string &quot;id&quot;, a string &quot;version&quot; and optionally a boolean &quot;optional&quot;</source>
        <translation>每个依赖都需要字符串“id”、字符串“version”，以及可选的布尔值“optional”</translation>
    </message>
    <message>
        <source>dependency %1 has no valid version</source>
        <translation>依赖 %1 没有有效的版本号</translation>
    </message>
    <message>
        <source>the module depends on itself</source>
        <translation>模块依赖于自身</translation>
    </message>
    <message>
        <source>field &quot;permissions&quot; must be an array</source>
        <translation>字段“permissions”必须是数组</translation>
    </message>
    <message>
        <source>each permission needs a string &quot;id&quot; and &quot;description&quot;</source>
        <translation>每个权限都需要字符串“id”和“description”</translation>
    </message>
    <message>
        <source>permission %1 must start with the module id and a dot</source>
        <translation>权限 %1 必须以模块标识加点号开头</translation>
    </message>
    <message>
        <source>field &quot;publishes&quot; must be an array</source>
        <translation>字段“publishes”必须是数组</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;publishes&quot; is not a valid topic</source>
        <translation>“publishes”中的“%1”不是有效的主题</translation>
    </message>
    <message>
        <source>invalid metadata: %1</source>
        <translation>元数据无效：%1</translation>
    </message>
    <message>
        <source>The password is too short: use at least 12 characters.</source>
        <translation>密码太短：请至少使用 12 个字符。</translation>
    </message>
    <message>
        <source>The password needs at least three of: lower-case letters, upper-case letters, digits, symbols.</source>
        <translation>密码至少需要包含以下四类中的三类：小写字母、大写字母、数字、符号。</translation>
    </message>
    <message>
        <source>The password must not contain the account name.</source>
        <translation>密码不得包含账户名。</translation>
    </message>
    <message>
        <source>The password contains a well-known word or sequence; choose another.</source>
        <translation>密码包含常见单词或序列；请另选一个。</translation>
    </message>
    <message>
        <source>The audit key %1 does not exist; without it the audit log cannot be verified.</source>
        <translation>审计密钥 %1 不存在；没有它就无法校验审计日志。</translation>
    </message>
    <message>
        <source>Sign in first: to %1 you need the permission &apos;%2&apos;.</source>
        <translation>请先登录：%1需要权限“%2”。</translation>
    </message>
    <message>
        <source>Permission denied: to %1 you need the permission &apos;%2&apos;, which %3 (roles: %4) does not have.</source>
        <translation>权限不足：%1需要权限“%2”，而 %3（角色：%4）没有该权限。</translation>
    </message>
    <message>
        <source>Store statement failed: %1 (in: %2)</source>
        <translation>数据存储语句执行失败：%1（语句：%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid event topic: use dotted lower-case words such as incident.created.</source>
        <translation>“%1”不是有效的事件主题：请使用以点分隔的小写单词，例如 incident.created。</translation>
    </message>
    <message>
        <source>The store refused &apos;%1&apos;: %2</source>
        <translation>数据存储拒绝执行“%1”：%2</translation>
    </message>
    <message>
        <source>The store could not switch to write-ahead logging (journal mode is &apos;%1&apos;); is the folder writable?</source>
        <translation>数据存储无法切换到预写日志模式（当前日志模式为“%1”）；该文件夹是否可写？</translation>
    </message>
    <message>
        <source>Cannot create the store folder %1.</source>
        <translation>无法创建数据存储文件夹 %1。</translation>
    </message>
    <message>
        <source>The store folder %1 is not writable; Hexhub keeps its write-ahead log beside the store file. Choose another location with --store.</source>
        <translation>数据存储文件夹 %1 不可写；Hexhub 需要在数据存储文件旁保存预写日志。请用 --store 选择其他位置。</translation>
    </message>
    <message>
        <source>The store path %1 is not a file.</source>
        <translation>数据存储路径 %1 不是文件。</translation>
    </message>
    <message>
        <source>The store file %1 is read-only. Hexhub needs to write to it; it was left untouched. Make it writable or choose another file with --store.</source>
        <translation>数据存储文件 %1 是只读的。Hexhub 需要写入该文件；文件未被改动。请使其可写，或用 --store 选择其他文件。</translation>
    </message>
    <message>
        <source>Cannot read the store file %1: %2</source>
        <translation>无法读取数据存储文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is not a Hexhub store (it is not an SQLite database). It was left untouched; choose another file with --store.</source>
        <translation>文件 %1 不是 Hexhub 数据存储（不是 SQLite 数据库）。文件未被改动；请用 --store 选择其他文件。</translation>
    </message>
    <message>
        <source>Cannot create the store file %1: %2</source>
        <translation>无法创建数据存储文件 %1：%2</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation>未安装 Qt SQL 驱动 %1。</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>无法打开数据存储 %1：%2</translation>
    </message>
    <message>
        <source>The store is already open.</source>
        <translation>数据存储已经打开。</translation>
    </message>
    <message>
        <source>The store %1 was written by a newer Hexhub (storage format %2; this build reads up to %3). It was left untouched; update Hexhub.</source>
        <translation>数据存储 %1 由更新版本的 Hexhub 写入（存储格式 %2；本版本最高支持 %3）。未做任何改动；请升级 Hexhub。</translation>
    </message>
    <message>
        <source>The database %1 holds tables that are not Hexhub&apos;s. It was left untouched; choose another file with --store.</source>
        <translation>数据库 %1 中有不属于 Hexhub 的表。未做任何改动；请用 --store 选择其他文件。</translation>
    </message>
    <message>
        <source>Cannot write to the store: %1</source>
        <translation>无法写入数据存储：%1</translation>
    </message>
    <message>
        <source>The store is not open.</source>
        <translation>数据存储未打开。</translation>
    </message>
    <message>
        <source>Cannot start a write transaction: %1</source>
        <translation>无法开始写事务：%1</translation>
    </message>
    <message>
        <source>The store could not commit: %1</source>
        <translation>数据存储无法提交：%1</translation>
    </message>
    <message>
        <source>An SQLite store URL needs an absolute path, as in sqlite:///var/lib/hexhub/hexhub.db (three slashes).</source>
        <translation>SQLite 数据存储地址需要绝对路径，例如 sqlite:///var/lib/hexhub/hexhub.db（三个斜杠）。</translation>
    </message>
    <message>
        <source>The SQLite store URL names a folder, not a file.</source>
        <translation>该 SQLite 数据存储地址指向的是文件夹，而不是文件。</translation>
    </message>
    <message>
        <source>The PostgreSQL store URL is not valid; expected postgresql://user@host:port/database.</source>
        <translation>PostgreSQL 数据存储地址无效；应为 postgresql://user@host:port/database。</translation>
    </message>
    <message>
        <source>The PostgreSQL store URL needs a database name after the host.</source>
        <translation>PostgreSQL 数据存储地址需要在主机之后给出数据库名。</translation>
    </message>
    <message>
        <source>Unknown store URL &apos;%1&apos;: use sqlite:///path/to/file.db or postgresql://user@host:port/database.</source>
        <translation>未知的数据存储地址“%1”：请使用 sqlite:///path/to/file.db 或 postgresql://user@host:port/database。</translation>
    </message>
    <message>
        <source>The store %1 cannot be reached: %2. Hexhub keeps trying.</source>
        <translation>无法连接数据存储 %1：%2。Hexhub 会持续重试。</translation>
    </message>
    <message>
        <source>The store %1 is offline; Hexhub keeps trying to reconnect.</source>
        <translation>数据存储 %1 已离线；Hexhub 正在持续尝试重新连接。</translation>
    </message>
    <message>
        <source>Server rules apply to a shared PostgreSQL store, not to %1.</source>
        <translation>服务器规则只适用于共享的 PostgreSQL 数据存储，不适用于 %1。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Create user NAME (with --role); on a shared PostgreSQL store also the desk&apos;s database login. The password is read from standard input.</source>
        <translation>创建用户 NAME（需配合 --role）；在共享的 PostgreSQL 数据存储上同时创建该工作台的数据库登录角色。密码从标准输入读取。</translation>
    </message>
    <message>
        <source>The role for --add-user, e.g. hub_supervisor.</source>
        <translation>--add-user 使用的角色，例如 hub_supervisor。</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>--add-user needs --role.</source>
        <translation>--add-user 需要同时指定 --role。</translation>
    </message>
    <message>
        <source>Created user &apos;%1&apos; (user %2) with role %3.</source>
        <translation>已创建用户“%1”（用户 %2），角色为 %3。</translation>
    </message>
    <message>
        <source>There is no role &apos;%1&apos;; the roles are: %2.</source>
        <translation>不存在角色“%1”；可用的角色有：%2。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a table or column name a change can name.</source>
        <translation>“%1”不是变更可以引用的表名或列名。</translation>
    </message>
    <message>
        <source>A change this desk can no longer read</source>
        <translation>本工作台已无法读取的一项变更</translation>
    </message>
    <message>
        <source>The change has no valid id.</source>
        <translation>该变更没有有效的标识。</translation>
    </message>
    <message>
        <source>The change to %1 has no values.</source>
        <translation>对 %1 的变更没有任何值。</translation>
    </message>
    <message>
        <source>The change to %1 sets no values.</source>
        <translation>对 %1 的变更未设置任何值。</translation>
    </message>
    <message>
        <source>The change to %1 names no event; every change is journaled.</source>
        <translation>对 %1 的变更未指定事件；每项变更都必须记入事件日志。</translation>
    </message>
    <message>
        <source>A change cannot set a row&apos;s %1 itself.</source>
        <translation>变更不能直接设置记录的 %1。</translation>
    </message>
    <message>
        <source>The record %1 no longer exists, so this change cannot be applied; discard it.</source>
        <translation>记录 %1 已不存在，无法应用此变更；请放弃该变更。</translation>
    </message>
    <message>
        <source>This desk&apos;s outbox %1 cannot be opened: %2</source>
        <translation>无法打开本工作台的待发队列 %1：%2</translation>
    </message>
    <message>
        <source>The outbox is not open.</source>
        <translation>待发队列未打开。</translation>
    </message>
    <message>
        <source>The change could not be kept on this desk (%1): %2</source>
        <translation>无法在本工作台保存该变更（%1）：%2</translation>
    </message>
    <message>
        <source>No change %1 waits in this desk&apos;s outbox.</source>
        <translation>本工作台的待发队列中没有等待中的变更 %1。</translation>
    </message>
    <message>
        <source>The change &quot;%1&quot; is not waiting for a decision.</source>
        <translation>变更“%1”并未等待处理决定。</translation>
    </message>
    <message>
        <source>Cannot read the server rules %1: %2</source>
        <translation>无法读取服务器规则 %1：%2</translation>
    </message>
    <message>
        <source>The server rules %1 failed: %2</source>
        <translation>服务器规则 %1 执行失败：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a table or column name Hexhub searches.</source>
        <translation>“%1”不是 Hexhub 可检索的表名或列名。</translation>
    </message>
    <message>
        <source>A text search needs a table and at least one column.</source>
        <translation>全文检索需要一个表和至少一列。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while committing; whether the change was saved is not known: %2</source>
        <translation>提交时与 %1 的连接中断；无法确定变更是否已保存：%2</translation>
    </message>
    <message>
        <source>The outbox is empty: every change this desk made is on the server.</source>
        <translation>待发队列为空：本工作台的所有变更都已在服务器上。</translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>等待服务器</translation>
    </message>
    <message>
        <source>CONFLICT: decide with --resolve</source>
        <translation>冲突：请用 --resolve 处理</translation>
    </message>
    <message>
        <source>REFUSED: decide with --resolve</source>
        <translation>被拒绝：请用 --resolve 处理</translation>
    </message>
    <message>
        <source>by %1 at %2 on %3 %4; mine: %5</source>
        <translation>由 %1 于 %2 修改 %3 %4；我的修改：%5</translation>
    </message>
    <message>
        <source>the record was deleted on the server</source>
        <translation>该记录已在服务器上被删除</translation>
    </message>
    <message>
        <source>the server has version %1 (I edited version %2): %3</source>
        <translation>服务器上为版本 %1（我修改的是版本 %2）：%3</translation>
    </message>
    <message>
        <source>List the changes this desk keeps for the server (made while it was away, or waiting for a decision), oldest first. Works without the server.</source>
        <translation>列出本工作台为服务器保留的变更（服务器不可用期间做出的，或等待处理决定的），按时间从早到晚。无需连接服务器。</translation>
    </message>
    <message>
        <source>Decide on the waiting change ID (see --outbox) with --decision and --operator.</source>
        <translation>用 --decision 和 --operator 对等待中的变更 ID（见 --outbox）作出处理决定。</translation>
    </message>
    <message>
        <source>For --resolve: keep (apply my change over the newer one, or try it again) or discard (drop my change; it stays on record).</source>
        <translation>用于 --resolve：keep（用我的变更覆盖较新的记录，或再次尝试）或 discard（放弃我的变更；其内容仍留档）。</translation>
    </message>
    <message>
        <source>keep|discard</source>
        <translation>keep|discard</translation>
    </message>
    <message>
        <source>For --resolve: who decides; recorded in the journal and the audit log.</source>
        <translation>用于 --resolve：作出决定的人；记入事件日志和审计日志。</translation>
    </message>
    <message>
        <source>--resolve needs --decision keep or --decision discard.</source>
        <translation>--resolve 需要 --decision keep 或 --decision discard。</translation>
    </message>
    <message>
        <source>The record changed again meanwhile; the change still waits. Look at it with --outbox.</source>
        <translation>该记录在此期间再次被修改；此变更仍在等待。请用 --outbox 查看。</translation>
    </message>
    <message>
        <source>Decided: %1. The decision is journaled and audited.</source>
        <translation>已决定：%1。该决定已记入事件日志和审计日志。</translation>
    </message>
    <message>
        <source>The change to %1 matched %2 rows; it was not applied.</source>
        <translation>对 %1 的变更匹配到 %2 条记录；未予应用。</translation>
    </message>
    <message>
        <source>This desk&apos;s outbox is closed; the change was not made.</source>
        <translation>本工作台的待发队列已关闭；该变更未执行。</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Hub supervisor</source>
        <translation>指挥中枢主管</translation>
    </message>
    <message>
        <source>Political security operator</source>
        <translation>政治安全操作员</translation>
    </message>
    <message>
        <source>Basic control operator</source>
        <translation>基础管控操作员</translation>
    </message>
    <message>
        <source>Criminal intelligence operator</source>
        <translation>刑事情报操作员</translation>
    </message>
    <message>
        <source>Big-data investigation operator</source>
        <translation>大数据侦查操作员</translation>
    </message>
    <message>
        <source>Case management operator</source>
        <translation>案件管理操作员</translation>
    </message>
    <message>
        <source>Supervision operator</source>
        <translation>监督操作员</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>This desk&apos;s outbox %1 is in use by another Hexhub (process %2); run one desk per user and server on a computer, or give this one its own --store user.</source>
        <translation>本工作台的待发队列 %1 正被另一个 Hexhub（进程 %2）使用；同一台计算机上每个用户和服务器只能运行一个工作台，或为此工作台指定单独的 --store 用户。</translation>
    </message>
    <message>
        <source>Prepare a shared PostgreSQL server at URL (as its owner): the schema; the hexhub_app role, whose members can only add to the audit log and the journal; a role per centre; row-level security and the modules&apos; own server rules. Running it again changes nothing.</source>
        <translation>（以数据库所有者身份）准备位于 URL 的共享 PostgreSQL 服务器：数据库结构；hexhub_app 角色，其成员只能向审计日志和事件日志追加记录；每个中心一个角色；行级安全以及各模块自己的服务器规则。重复运行不会有任何改变。</translation>
    </message>
    <message>
        <source>Render the main window on each module, the command palette, the settings dialog, a wall and the sign-in dialog in both themes and languages to PNG files in this folder, offscreen.</source>
        <translation>在后台将各模块的主窗口、命令面板、设置对话框、大屏和登录对话框，以两种主题和两种语言渲染为 PNG 文件，保存到此文件夹。</translation>
    </message>
    <message>
        <source>For benchmarks: start a desk on the store in this folder (made on first use) with every module, signed in without the dialog; print &quot;shown&quot; once the main window is on screen, and exit.</source>
        <translation>供基准测试使用：在此文件夹中的数据存储（首次使用时创建）上启动加载全部模块的工作台，不经登录对话框直接登录；主窗口显示后输出“shown”并退出。</translation>
    </message>
    <message>
        <source>a position needs numbers &quot;lat&quot; and &quot;lon&quot;</source>
        <translation>位置需要数值“lat”和“lon”</translation>
    </message>
    <message>
        <source>position %1, %2 is off the globe (latitude -90 to 90, longitude -180 to 180)</source>
        <translation>位置 %1, %2 不在地球上（纬度 -90 到 90，经度 -180 到 180）</translation>
    </message>
    <message>
        <source>an address must be text</source>
        <translation>地址必须是文本</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>call</source>
        <translation>电话报警</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频发现</translation>
    </message>
    <message>
        <source>public complaint</source>
        <translation>群众投诉</translation>
    </message>
    <message>
        <source>model alert</source>
        <translation>模型预警</translation>
    </message>
    <message>
        <source>another centre</source>
        <translation>其他中心</translation>
    </message>
    <message>
        <source>The incident is %1 already.</source>
        <translation>该警情已经是“%1”状态。</translation>
    </message>
    <message>
        <source>The incident is %1: nothing more happens to it.</source>
        <translation>该警情已是“%1”状态，不能再有任何变更。</translation>
    </message>
    <message>
        <source>An incident that is %1 cannot become %2.</source>
        <translation>“%1”状态的警情不能变为“%2”。</translation>
    </message>
    <message>
        <source>incident: &quot;number&quot; is missing</source>
        <translation>警情：缺少“number”</translation>
    </message>
    <message>
        <source>incident %1: &quot;status&quot; is not one of new, dispatched, on_scene, resolved, closed, cancelled</source>
        <translation>警情 %1：“status”不是 new、dispatched、on_scene、resolved、closed、cancelled 之一</translation>
    </message>
    <message>
        <source>incident %1: &quot;priority&quot; must be 1, 2, 3 or 4</source>
        <translation>警情 %1：“priority”必须是 1、2、3 或 4</translation>
    </message>
    <message>
        <source>incident %1: &quot;source&quot; is not one of call, video, public_complaint, model_alert, centre</source>
        <translation>警情 %1：“source”不是 call、video、public_complaint、model_alert、centre 之一</translation>
    </message>
    <message>
        <source>incident %1: location: %2</source>
        <translation>警情 %1：位置：%2</translation>
    </message>
    <message>
        <source>patrol car</source>
        <translation>巡逻车</translation>
    </message>
    <message>
        <source>foot patrol</source>
        <translation>步巡</translation>
    </message>
    <message>
        <source>traffic unit</source>
        <translation>交警</translation>
    </message>
    <message>
        <source>special response team</source>
        <translation>特警队</translation>
    </message>
    <message>
        <source>drone</source>
        <translation>无人机</translation>
    </message>
    <message>
        <source>fire liaison</source>
        <translation>消防联络</translation>
    </message>
    <message>
        <source>medical liaison</source>
        <translation>医疗联络</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>具备%2的%1</translation>
    </message>
    <message>
        <source>a unit with %1</source>
        <translation>具备%1的警力</translation>
    </message>
    <message>
        <source>%1: %2 more wanted, no available unit fits</source>
        <translation>%1：还需 %2 个，没有合适的可用警力</translation>
    </message>
    <message>
        <source> (some fit but their position is not known)</source>
        <translation>（有合适的警力，但位置未知）</translation>
    </message>
    <message>
        <source>negotiator</source>
        <translation>谈判专家</translation>
    </message>
    <message>
        <source>air cushion</source>
        <translation>救生气垫</translation>
    </message>
    <message>
        <source>first aid</source>
        <translation>急救</translation>
    </message>
    <message>
        <source>explosives</source>
        <translation>排爆</translation>
    </message>
    <message>
        <source>dog handler</source>
        <translation>警犬训导员</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>diver</source>
        <translation>潜水员</translation>
    </message>
    <message>
        <source>thermal camera</source>
        <translation>热成像</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>途中</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>off duty</source>
        <translation>下勤</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>unit: &quot;callSign&quot; is missing or not a call sign</source>
        <translation>警力单元：“callSign”缺失或不是有效呼号</translation>
    </message>
    <message>
        <source>unit %1: &quot;kind&quot; is not a unit kind</source>
        <translation>警力单元 %1：“kind”不是有效的单元类型</translation>
    </message>
    <message>
        <source>unit %1: &quot;status&quot; is not one of available, en_route, on_scene, busy, off_duty</source>
        <translation>警力单元 %1：“status”不是 available、en_route、on_scene、busy、off_duty 之一</translation>
    </message>
    <message>
        <source>The task is %1: nothing more happens to it.</source>
        <translation>该任务%1：不再有后续操作。</translation>
    </message>
    <message>
        <source>A task that is %1 cannot become %2.</source>
        <translation>状态为“%1”的任务不能变为“%2”。</translation>
    </message>
    <message>
        <source>task %1: &quot;assigneeKind&quot; must be centre or unit</source>
        <translation>任务 %1：“assigneeKind”必须是 centre 或 unit</translation>
    </message>
    <message>
        <source>task %1: &quot;assignee&quot; is missing</source>
        <translation>任务 %1：缺少“assignee”</translation>
    </message>
    <message>
        <source>task %1: &quot;status&quot; is not a task status</source>
        <translation>任务 %1：“status”不是有效的任务状态</translation>
    </message>
    <message>
        <source>task %1: &quot;priority&quot; must be 1, 2, 3 or 4</source>
        <translation>任务 %1：“priority”必须是 1、2、3 或 4</translation>
    </message>
    <message>
        <source>operation %1: &quot;name&quot; is missing</source>
        <translation>行动 %1：缺少“name”</translation>
    </message>
    <message>
        <source>operation %1: &quot;status&quot; is not an operation status</source>
        <translation>行动 %1：“status”不是有效的行动状态</translation>
    </message>
    <message>
        <source>run card of %1, line %2: &quot;kind&quot; is not a unit kind</source>
        <translation>%1 的出警预案第 %2 行：“kind”不是有效的单元类型</translation>
    </message>
    <message>
        <source>run card of %1, line %2: give a unit kind, a skill or both</source>
        <translation>%1 的出警预案第 %2 行：请给出单元类型、技能或两者</translation>
    </message>
    <message>
        <source>run card of %1, line %2: &quot;count&quot; must be 1 to 50</source>
        <translation>%1 的出警预案第 %2 行：“count”必须在 1 到 50 之间</translation>
    </message>
    <message>
        <source>Incident %1 does not exist.</source>
        <translation>警情 %1 不存在。</translation>
    </message>
    <message>
        <source>There is no unit %1.</source>
        <translation>不存在警力单元 %1。</translation>
    </message>
    <message>
        <source>Task %1 does not exist.</source>
        <translation>任务 %1 不存在。</translation>
    </message>
    <message>
        <source>Operation %1 does not exist.</source>
        <translation>行动 %1 不存在。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an incident category.</source>
        <translation>“%1”不是警情类别。</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>请用几句话说明发生了什么。</translation>
    </message>
    <message>
        <source>The summary is %1 characters long; keep it to 500 and put the rest in a note.</source>
        <translation>摘要长 %1 个字符；请控制在 500 字以内，其余内容写入备注。</translation>
    </message>
    <message>
        <source>The priority must be P1, P2, P3 or P4.</source>
        <translation>优先级必须是 P1、P2、P3 或 P4。</translation>
    </message>
    <message>
        <source>The position %1, %2 is not on the earth.</source>
        <translation>位置 %1, %2 不在地球上。</translation>
    </message>
    <message>
        <source>Incident %1 created: P%2, %3</source>
        <translation>已创建警情 %1：P%2，%3</translation>
    </message>
    <message>
        <source>Details changed: %1</source>
        <translation>信息已修改：%1</translation>
    </message>
    <message>
        <source>Status %1 to %2</source>
        <translation>状态由“%1”变为“%2”</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Dispatched %1</source>
        <translation>已派出 %1</translation>
    </message>
    <message>
        <source>%1 arrived on scene</source>
        <translation>%1 已到达现场</translation>
    </message>
    <message>
        <source>%1 cleared from the incident</source>
        <translation>%1 已撤离该警情</translation>
    </message>
    <message>
        <source>Incident %1 merged into %2</source>
        <translation>警情 %1 已并入 %2</translation>
    </message>
    <message>
        <source>Linked to %1 %2</source>
        <translation>已关联 %1 %2</translation>
    </message>
    <message>
        <source>Playbook step done: %1</source>
        <translation>处置步骤已完成：%1</translation>
    </message>
    <message>
        <source>Playbook step reopened: %1</source>
        <translation>处置步骤已重新打开：%1</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Task to %1: %2</source>
        <translation>下达给 %1 的任务：%2</translation>
    </message>
    <message>
        <source>Task %1 is %2</source>
        <translation>任务“%1”%2</translation>
    </message>
    <message>
        <source>create an incident</source>
        <translation>创建警情</translation>
    </message>
    <message>
        <source>Response %1: %2</source>
        <translation>响应时限 %1：%2</translation>
    </message>
    <message>
        <source>see an incident</source>
        <translation>查看警情</translation>
    </message>
    <message>
        <source>change an incident</source>
        <translation>修改警情</translation>
    </message>
    <message>
        <source>Incident %1 was changed by someone else while you edited it; reload it and make your change again.</source>
        <translation>您编辑期间警情 %1 已被他人修改；请重新加载后再次修改。</translation>
    </message>
    <message>
        <source>Incident %1 is %2: it can no longer be changed.</source>
        <translation>警情 %1 已%2：不能再修改。</translation>
    </message>
    <message>
        <source>change an incident&apos;s status</source>
        <translation>更改警情状态</translation>
    </message>
    <message>
        <source>Say why the incident is cancelled.</source>
        <translation>请说明撤销警情的原因。</translation>
    </message>
    <message>
        <source>Clear the units still on incident %1 before closing it: %2.</source>
        <translation>关闭警情 %1 前请先撤回仍在处置的警力：%2。</translation>
    </message>
    <message>
        <source>Units are still assigned to incident %1; clear them first.</source>
        <translation>警情 %1 仍有警力在处置；请先撤回。</translation>
    </message>
    <message>
        <source>An incident goes on scene when its first unit arrives; mark the unit arrived.</source>
        <translation>首支警力到达时警情才转为“到场”；请标记警力已到达。</translation>
    </message>
    <message>
        <source>add a note to an incident</source>
        <translation>为警情添加备注</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注为空。</translation>
    </message>
    <message>
        <source>The note is %1 characters long; keep it to 4,000.</source>
        <translation>备注长 %1 个字符；请控制在 4000 字以内。</translation>
    </message>
    <message>
        <source>link an incident</source>
        <translation>关联警情</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not something an incident links to: lead, case, complaint or incident.</source>
        <translation>警情不能关联“%1”：只能关联线索、案件、投诉或警情。</translation>
    </message>
    <message>
        <source>Give the reference of the %1 to link.</source>
        <translation>请给出要关联的%1编号。</translation>
    </message>
    <message>
        <source>tick a playbook step</source>
        <translation>勾选处置步骤</translation>
    </message>
    <message>
        <source>The playbook of %1 has no step %2.</source>
        <translation>%1 的处置预案没有第 %2 步。</translation>
    </message>
    <message>
        <source>dispatch units</source>
        <translation>调派警力</translation>
    </message>
    <message>
        <source>Choose at least one unit to dispatch.</source>
        <translation>请至少选择一支要调派的警力。</translation>
    </message>
    <message>
        <source>Incident %1 is %2: units are no longer sent to it.</source>
        <translation>警情 %1 已%2：不再向其调派警力。</translation>
    </message>
    <message>
        <source>%1 is %2, not available: nothing was dispatched.</source>
        <translation>%1 %2，不可调派：未派出任何警力。</translation>
    </message>
    <message>
        <source>%1 to arrive at %2</source>
        <translation>%1 到达 %2</translation>
    </message>
    <message>
        <source>record a unit&apos;s arrival</source>
        <translation>记录警力到达</translation>
    </message>
    <message>
        <source>%1 is not on its way to incident %2.</source>
        <translation>%1 并未在前往警情 %2 的途中。</translation>
    </message>
    <message>
        <source>%1 on scene at %2</source>
        <translation>%1 在 %2 现场</translation>
    </message>
    <message>
        <source>clear a unit</source>
        <translation>撤回警力</translation>
    </message>
    <message>
        <source>%1 is not on an incident.</source>
        <translation>%1 当前未在处置警情。</translation>
    </message>
    <message>
        <source>every unit recalled</source>
        <translation>所有警力已撤回</translation>
    </message>
    <message>
        <source>see incidents</source>
        <translation>查看警情</translation>
    </message>
    <message>
        <source>merge incidents</source>
        <translation>合并警情</translation>
    </message>
    <message>
        <source>An incident cannot be merged into itself.</source>
        <translation>警情不能并入其自身。</translation>
    </message>
    <message>
        <source>Incident %1 is merged already.</source>
        <translation>警情 %1 已被合并。</translation>
    </message>
    <message>
        <source>Incident %1 is %2: merge into an open incident.</source>
        <translation>警情 %1 已%2：请并入未结警情。</translation>
    </message>
    <message>
        <source>Incident %1 is %2: only a new or dispatched incident can be merged away.</source>
        <translation>警情 %1 为“%2”：只有新建或已派警的警情可以被合并。</translation>
    </message>
    <message>
        <source>merged into %1</source>
        <translation>已并入 %1</translation>
    </message>
    <message>
        <source>units of %1 taken over</source>
        <translation>已接管 %1 的警力</translation>
    </message>
    <message>
        <source>see an incident&apos;s timeline</source>
        <translation>查看警情时间线</translation>
    </message>
    <message>
        <source>see a reporter&apos;s contact</source>
        <translation>查看报警人联系方式</translation>
    </message>
    <message>
        <source>Give the reason you need the reporter&apos;s contact; it goes on record.</source>
        <translation>请说明需要报警人联系方式的理由；该理由将被记录。</translation>
    </message>
    <message>
        <source>change the unit registry</source>
        <translation>修改警力登记</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a call sign: use 2 to 16 letters, digits, &apos;-&apos; or &apos;/&apos;.</source>
        <translation>“%1”不是有效呼号：请使用 2 到 16 个字母、数字、“-”或“/”。</translation>
    </message>
    <message>
        <source>A crew is 0 to 99 people.</source>
        <translation>人数应为 0 到 99 人。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a skill id.</source>
        <translation>“%1”不是有效的技能标识。</translation>
    </message>
    <message>
        <source>change a unit&apos;s status</source>
        <translation>更改警力状态</translation>
    </message>
    <message>
        <source>A unit goes en route or on scene by being dispatched to an incident.</source>
        <translation>警力须经调派到警情才会转为途中或到场。</translation>
    </message>
    <message>
        <source>%1 is on an incident: clear it from the incident first.</source>
        <translation>%1 正在处置警情：请先将其从警情撤回。</translation>
    </message>
    <message>
        <source>report a unit&apos;s position</source>
        <translation>上报警力位置</translation>
    </message>
    <message>
        <source>see the units</source>
        <translation>查看警力</translation>
    </message>
    <message>
        <source>Say which centre or unit the task is for.</source>
        <translation>请说明任务下达给哪个中心或警力。</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>请为任务填写标题。</translation>
    </message>
    <message>
        <source>Keep the task&apos;s title to 200 characters; put the rest in its detail.</source>
        <translation>任务标题请控制在 200 字以内；其余内容写入详情。</translation>
    </message>
    <message>
        <source>The task&apos;s position is not on the earth.</source>
        <translation>任务位置不在地球上。</translation>
    </message>
    <message>
        <source>The task is due before it starts.</source>
        <translation>任务的截止时间早于开始时间。</translation>
    </message>
    <message>
        <source>Task for %1: %2</source>
        <translation>%1 的任务：%2</translation>
    </message>
    <message>
        <source>issue a task</source>
        <translation>下达任务</translation>
    </message>
    <message>
        <source>accept a task</source>
        <translation>接受任务</translation>
    </message>
    <message>
        <source>report on a task</source>
        <translation>汇报任务进展</translation>
    </message>
    <message>
        <source>Progress is 0 to 100 percent.</source>
        <translation>进度应为 0% 到 100%。</translation>
    </message>
    <message>
        <source>complete a task</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <source>decline a task</source>
        <translation>拒绝任务</translation>
    </message>
    <message>
        <source>Say why the task is declined.</source>
        <translation>请说明拒绝任务的原因。</translation>
    </message>
    <message>
        <source>cancel a task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>see tasks</source>
        <translation>查看任务</translation>
    </message>
    <message>
        <source>plan an operation</source>
        <translation>计划行动</translation>
    </message>
    <message>
        <source>Give the operation a name.</source>
        <translation>请为行动命名。</translation>
    </message>
    <message>
        <source>Give the operation its go time.</source>
        <translation>请给出行动的开始时间。</translation>
    </message>
    <message>
        <source>An operation needs its task division: who does what, where, when.</source>
        <translation>行动需要任务分工：谁、在何时何地、做什么。</translation>
    </message>
    <message>
        <source>Task %1 of the division: %2</source>
        <translation>分工中的第 %1 项任务：%2</translation>
    </message>
    <message>
        <source>start an operation</source>
        <translation>启动行动</translation>
    </message>
    <message>
        <source>Operation %1 is %2; only a planned operation starts.</source>
        <translation>行动“%1”为“%2”；只有已计划的行动可以启动。</translation>
    </message>
    <message>
        <source>finish an operation</source>
        <translation>结束行动</translation>
    </message>
    <message>
        <source>An operation finishes completed or cancelled.</source>
        <translation>行动只能以完成或取消结束。</translation>
    </message>
    <message>
        <source>Operation %1 is %2 already.</source>
        <translation>行动“%1”已%2。</translation>
    </message>
    <message>
        <source>Operation %1 still has %2 open tasks; they must be done, declined or cancelled first.</source>
        <translation>行动“%1”仍有 %2 项未结任务；须先完成、拒绝或取消。</translation>
    </message>
    <message>
        <source>operation cancelled</source>
        <translation>行动已取消</translation>
    </message>
    <message>
        <source>see an operation</source>
        <translation>查看行动</translation>
    </message>
    <message numerus="yes">
        <source>%1: nearest available %2, %3 km by road, about %n min</source>
        <translation>
            <numerusform>%1：最近的可用%2，沿道路 %3 公里，约 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: nearest available %2, %3 km in a straight line, about %n min</source>
        <translation>
            <numerusform>%1：最近的可用%2，直线 %3 公里，约 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: nearest available %2, %3 km in a straight line (off the road map), about %n min</source>
        <translation>
            <numerusform>%1：最近的可用%2，直线 %3 公里（不在道路图上），约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>change the incident taxonomy</source>
        <translation>修改警情分类</translation>
    </message>
    <message>
        <source>A category&apos;s id is 1 to 40 lower-case letters, digits or &apos;_&apos;, starting with a letter.</source>
        <translation>分类编号为 1 到 40 个小写字母、数字或“_”，以字母开头。</translation>
    </message>
    <message>
        <source>Give the category a name of at most 80 characters.</source>
        <translation>请为分类起一个不超过 80 个字符的名称。</translation>
    </message>
    <message>
        <source>The response target is between 1 minute and 24 hours.</source>
        <translation>响应目标应在 1 分钟到 24 小时之间。</translation>
    </message>
    <message>
        <source>The on-scene limit is between 1 minute and 7 days.</source>
        <translation>现场时限应在 1 分钟到 7 天之间。</translation>
    </message>
    <message>
        <source>Playbook step %1 is longer than 200 characters.</source>
        <translation>处置步骤 %1 超过 200 个字符。</translation>
    </message>
    <message>
        <source>A playbook has at most 50 steps.</source>
        <translation>一个处置预案最多 50 个步骤。</translation>
    </message>
    <message>
        <source>see the operations</source>
        <translation>查看行动</translation>
    </message>
    <message>
        <source>features[%1]</source>
        <translation>features[%1]</translation>
    </message>
    <message>
        <source>street &quot;%1&quot; (features[%2])</source>
        <translation>街道“%1”（features[%2]）</translation>
    </message>
    <message>
        <source>%1: a line&apos;s coordinates must be a list of positions</source>
        <translation>%1：线的坐标必须是位置列表</translation>
    </message>
    <message>
        <source>%1: position %2 is not a [longitude, latitude] pair on the globe</source>
        <translation>%1：位置 %2 不是地球上的 [经度, 纬度] 坐标对</translation>
    </message>
    <message>
        <source>%1: a line needs at least two different positions</source>
        <translation>%1：一条线至少需要两个不同的位置</translation>
    </message>
    <message>
        <source>the road map is not JSON: %1 at byte %2</source>
        <translation>道路图不是 JSON：第 %2 字节处%1</translation>
    </message>
    <message>
        <source>the road map is not a GeoJSON FeatureCollection</source>
        <translation>道路图不是 GeoJSON FeatureCollection</translation>
    </message>
    <message>
        <source>the road map&apos;s &quot;features&quot; must be a list</source>
        <translation>道路图的“features”必须是列表</translation>
    </message>
    <message>
        <source>features[%1] is not a GeoJSON feature</source>
        <translation>features[%1] 不是 GeoJSON 要素</translation>
    </message>
    <message>
        <source>%1: a MultiLineString&apos;s coordinates must be a list of lines</source>
        <translation>%1：MultiLineString 的坐标必须是线的列表</translation>
    </message>
    <message>
        <source>%1: a street needs a geometry</source>
        <translation>%1：街道需要几何图形</translation>
    </message>
    <message>
        <source>%1: a street must be a LineString or a MultiLineString, not a %2</source>
        <translation>%1：街道必须是 LineString 或 MultiLineString，而不是 %2</translation>
    </message>
    <message>
        <source>fixed camera</source>
        <translation>固定摄像机</translation>
    </message>
    <message>
        <source>PTZ camera</source>
        <translation>云台摄像机</translation>
    </message>
    <message>
        <source>body-worn camera</source>
        <translation>执法记录仪</translation>
    </message>
    <message>
        <source>drone camera</source>
        <translation>无人机摄像头</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a camera id: use 2 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;, such as CAM-0012.</source>
        <translation>“%1”不是摄像机编号：请使用 2 到 32 个字母、数字、“-”或“_”，例如 CAM-0012。</translation>
    </message>
    <message>
        <source>Give camera %1 a name people recognise it by.</source>
        <translation>请为摄像机 %1 起一个便于辨认的名称。</translation>
    </message>
    <message>
        <source>The name of camera %1 is %2 characters long; keep it to %3.</source>
        <translation>摄像机 %1 的名称有 %2 个字符；请不超过 %3 个。</translation>
    </message>
    <message>
        <source>Say where camera %1 is: a %2 needs its position.</source>
        <translation>请说明摄像机 %1 的位置：%2需要位置。</translation>
    </message>
    <message>
        <source>The heading of camera %1 is degrees clockwise from north, 0 up to 360.</source>
        <translation>摄像机 %1 的朝向是从正北顺时针的度数，0 到 360。</translation>
    </message>
    <message>
        <source>The field of view of camera %1 is more than 0 and at most 360 degrees.</source>
        <translation>摄像机 %1 的视场角应大于 0 且不超过 360 度。</translation>
    </message>
    <message>
        <source>The range of camera %1 is more than 0 and at most %2 metres.</source>
        <translation>摄像机 %1 的可视距离应大于 0 且不超过 %2 米。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a stream Hexhub can play: use rtsp://, http:// or https:// with a host, file:/// with a path, or synthetic: for the demo.</source>
        <translation>“%1”不是 Hexhub 能播放的视频流：请使用带主机的 rtsp://、http:// 或 https://，带路径的 file:///，或演示用的 synthetic:。</translation>
    </message>
    <message>
        <source>The agency of camera %1 is %2 characters long; keep it to %3.</source>
        <translation>摄像机 %1 的所属单位有 %2 个字符；请不超过 %3 个。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a permission id.</source>
        <translation>“%1”不是权限编号。</translation>
    </message>
    <message>
        <source>A camera&apos;s times are Clock milliseconds, never negative.</source>
        <translation>摄像机的时间是时钟毫秒数，不能为负。</translation>
    </message>
    <message>
        <source>camera: &quot;id&quot; is missing or not a camera id</source>
        <translation>摄像机：缺少“id”或它不是摄像机编号</translation>
    </message>
    <message>
        <source>camera %1: &quot;kind&quot; is not one of fixed, ptz, body_worn, drone</source>
        <translation>摄像机 %1：“kind”不是 fixed、ptz、body_worn、drone 之一</translation>
    </message>
    <message>
        <source>camera %1: %2</source>
        <translation>摄像机 %1：%2</translation>
    </message>
    <message>
        <source>camera %1: &quot;health&quot; is not one of online, offline, unknown</source>
        <translation>摄像机 %1：“health”不是 online、offline、unknown 之一</translation>
    </message>
    <message>
        <source>Inside the drone&apos;s footprint: %1 m from the point below it (footprint %2 m)</source>
        <translation>在无人机覆盖范围内：距其正下方 %1 米（覆盖 %2 米）</translation>
    </message>
    <message>
        <source>Outside the drone&apos;s footprint: %1 m from the point below it (footprint %2 m)</source>
        <translation>在无人机覆盖范围外：距其正下方 %1 米（覆盖 %2 米）</translation>
    </message>
    <message>
        <source>Out of range: %1 m away, it sees %2 m</source>
        <translation>超出可视距离：相距 %1 米，可视 %2 米</translation>
    </message>
    <message>
        <source>Turns to any direction: %1 m away, within its %2 m</source>
        <translation>可转向任意方向：相距 %1 米，在其 %2 米内</translation>
    </message>
    <message>
        <source>At the camera</source>
        <translation>就在摄像机处</translation>
    </message>
    <message>
        <source>Faces the place: %1 m away, %2° off its heading</source>
        <translation>朝向该处：相距 %1 米，偏离朝向 %2°</translation>
    </message>
    <message>
        <source>Faces away: the place is %1° off its heading, it sees %2° either side</source>
        <translation>背向该处：该处偏离朝向 %1°，其两侧可视 %2°</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>图像为空。</translation>
    </message>
    <message>
        <source>This is not a PNG image.</source>
        <translation>这不是 PNG 图像。</translation>
    </message>
    <message>
        <source>The PNG image is cut short.</source>
        <translation>PNG 图像不完整。</translation>
    </message>
    <message>
        <source>The PNG image is damaged: a part of it has no valid name.</source>
        <translation>PNG 图像已损坏：有一部分名称无效。</translation>
    </message>
    <message>
        <source>The PNG image is damaged: a checksum does not match.</source>
        <translation>PNG 图像已损坏：校验和不匹配。</translation>
    </message>
    <message>
        <source>The PNG image has no header.</source>
        <translation>PNG 图像没有文件头。</translation>
    </message>
    <message>
        <source>The PNG image says it is %1 x %2 pixels.</source>
        <translation>PNG 图像声称大小为 %1 x %2 像素。</translation>
    </message>
    <message>
        <source>The PNG image has no picture in it.</source>
        <translation>PNG 图像中没有画面。</translation>
    </message>
    <message>
        <source>The PNG image has data after its end.</source>
        <translation>PNG 图像结尾之后还有数据。</translation>
    </message>
    <message>
        <source>media: &quot;id&quot;, &quot;incidentId&quot; or &quot;cameraId&quot; is missing</source>
        <translation>媒体：缺少“id”、“incidentId”或“cameraId”</translation>
    </message>
    <message>
        <source>There is no camera %1.</source>
        <translation>没有摄像机 %1。</translation>
    </message>
    <message>
        <source>see the cameras</source>
        <translation>查看摄像机</translation>
    </message>
    <message>
        <source>change the camera registry</source>
        <translation>修改摄像机登记</translation>
    </message>
    <message>
        <source>There is no permission &apos;%1&apos;: a camera can only ask viewers for one that exists.</source>
        <translation>没有权限“%1”：摄像机只能要求观看者具备已存在的权限。</translation>
    </message>
    <message>
        <source>report a camera&apos;s health</source>
        <translation>报告摄像机状态</translation>
    </message>
    <message>
        <source>A camera&apos;s last frame time is Clock milliseconds, never negative.</source>
        <translation>摄像机的最后一帧时间是时钟毫秒数，不能为负。</translation>
    </message>
    <message>
        <source>report on camera %1</source>
        <translation>报告摄像机 %1</translation>
    </message>
    <message>
        <source>report where a camera is</source>
        <translation>报告摄像机位置</translation>
    </message>
    <message>
        <source>The heading must be a number of degrees.</source>
        <translation>朝向必须是度数。</translation>
    </message>
    <message>
        <source>%1 is a %2: it moves only when the registry says so.</source>
        <translation>%1 是%2：只有登记信息修改时才会移动。</translation>
    </message>
    <message>
        <source>Look for cameras within more than 0 and at most %1 metres.</source>
        <translation>请在大于 0 且不超过 %1 米的范围内查找摄像机。</translation>
    </message>
    <message>
        <source>attach a snapshot to an incident</source>
        <translation>为警情附加截图</translation>
    </message>
    <message>
        <source>The snapshot is %1 MB; at most %2 MB can be attached.</source>
        <translation>截图为 %1 MB；最多可附加 %2 MB。</translation>
    </message>
    <message>
        <source>The snapshot cannot be attached: %1</source>
        <translation>无法附加截图：%1</translation>
    </message>
    <message>
        <source>Say when the snapshot was taken.</source>
        <translation>请说明截图的拍摄时间。</translation>
    </message>
    <message>
        <source>Incident %1 is %2: nothing more is attached to it.</source>
        <translation>警情 %1 已%2：不能再附加内容。</translation>
    </message>
    <message>
        <source>take a snapshot from camera %1</source>
        <translation>从摄像机 %1 截图</translation>
    </message>
    <message>
        <source>The snapshot says it was taken in the future.</source>
        <translation>截图的拍摄时间在未来。</translation>
    </message>
    <message>
        <source>see an incident&apos;s media</source>
        <translation>查看警情的媒体</translation>
    </message>
    <message>
        <source>see attached media</source>
        <translation>查看附加的媒体</translation>
    </message>
    <message>
        <source>There is no attached media %1.</source>
        <translation>没有附加媒体 %1。</translation>
    </message>
    <message>
        <source>see media from camera %1</source>
        <translation>查看来自摄像机 %1 的媒体</translation>
    </message>
    <message>
        <source>Snapshot from camera %1 (%2) attached</source>
        <translation>已附加来自摄像机 %1（%2）的截图</translation>
    </message>
    <message>
        <source>media %1: &quot;kind&quot; is not one of snapshot, clip</source>
        <translation>媒体 %1：“kind”不是 snapshot 或 clip 之一</translation>
    </message>
    <message>
        <source>record a clip from camera %1</source>
        <translation>录制摄像机 %1 的视频片段</translation>
    </message>
    <message>
        <source>The clip says it was recorded in the future.</source>
        <translation>该视频片段的录制时间在未来。</translation>
    </message>
    <message>
        <source>attach a clip to an incident</source>
        <translation>为警情附加视频片段</translation>
    </message>
    <message>
        <source>The clip is %1 MB; at most %2 MB can be attached.</source>
        <translation>该视频片段为 %1 MB；最多可附加 %2 MB。</translation>
    </message>
    <message>
        <source>Say when the clip was recorded.</source>
        <translation>请说明视频片段的录制时间。</translation>
    </message>
    <message>
        <source>The clip cannot be attached: %1</source>
        <translation>无法附加该视频片段：%1</translation>
    </message>
    <message>
        <source>Attached media %1 no longer matches its SHA-256: what is stored was changed.</source>
        <translation>附加媒体 %1 与其 SHA-256 不再一致：存储的内容已被更改。</translation>
    </message>
    <message>
        <source>Clip from camera %1 (%2) attached, %3 s</source>
        <translation>已附加摄像机 %1（%2）的视频片段，%3 秒</translation>
    </message>
    <message>
        <source>The clip is damaged: %1 ends in the middle of a part&apos;s header.</source>
        <translation>视频片段已损坏：%1 在某一部分的头部中间结束。</translation>
    </message>
    <message>
        <source>The clip is damaged: a part of %1 (&quot;%2&quot;) runs past its end.</source>
        <translation>视频片段已损坏：%1 的一部分（“%2”）超出了其结尾。</translation>
    </message>
    <message>
        <source>The clip is empty.</source>
        <translation>视频片段为空。</translation>
    </message>
    <message>
        <source>This is not an AVI clip.</source>
        <translation>这不是 AVI 视频片段。</translation>
    </message>
    <message>
        <source>The clip is cut short: it says it has %1 bytes and has %2.</source>
        <translation>视频片段不完整：声明为 %1 字节，实际为 %2 字节。</translation>
    </message>
    <message>
        <source>The clip has data after its end.</source>
        <translation>视频片段结尾之后还有数据。</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The clip is damaged: it has two &quot;%1&quot; parts.</source>
        <translation>视频片段已损坏：有两个“%1”部分。</translation>
    </message>
    <message>
        <source>The clip has no header (hdrl).</source>
        <translation>视频片段没有头部（hdrl）。</translation>
    </message>
    <message>
        <source>The clip has no frames (movi).</source>
        <translation>视频片段没有帧（movi）。</translation>
    </message>
    <message>
        <source>The clip has no index (idx1).</source>
        <translation>视频片段没有索引（idx1）。</translation>
    </message>
    <message>
        <source>The clip is damaged: its header, frames and index are out of order.</source>
        <translation>视频片段已损坏：头部、帧和索引的顺序错误。</translation>
    </message>
    <message>
        <source>the header</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>The clip&apos;s main header is too short.</source>
        <translation>视频片段的主头部太短。</translation>
    </message>
    <message>
        <source>The clip has more than one stream; a clip is one video stream and nothing else.</source>
        <translation>视频片段包含多个流；视频片段只能有一个视频流。</translation>
    </message>
    <message>
        <source>the stream header</source>
        <translation>流头部</translation>
    </message>
    <message>
        <source>The clip&apos;s stream header is too short.</source>
        <translation>视频片段的流头部太短。</translation>
    </message>
    <message>
        <source>The clip&apos;s stream is not video (&quot;%1&quot;).</source>
        <translation>视频片段的流不是视频（“%1”）。</translation>
    </message>
    <message>
        <source>The clip&apos;s stream format is too short.</source>
        <translation>视频片段的流格式太短。</translation>
    </message>
    <message>
        <source>The clip&apos;s video is not Motion-JPEG (it is &quot;%1&quot;).</source>
        <translation>视频片段的视频不是 Motion-JPEG（而是“%1”）。</translation>
    </message>
    <message>
        <source>The clip&apos;s stream has no header or no format.</source>
        <translation>视频片段的流没有头部或格式。</translation>
    </message>
    <message>
        <source>The clip has no main header (avih).</source>
        <translation>视频片段没有主头部（avih）。</translation>
    </message>
    <message>
        <source>The clip has no stream.</source>
        <translation>视频片段没有流。</translation>
    </message>
    <message>
        <source>The clip says its frames are %1 × %2 pixels; a frame is 1 to %3 pixels each way.</source>
        <translation>视频片段声明帧为 %1 × %2 像素；每边应为 1 到 %3 像素。</translation>
    </message>
    <message>
        <source>The clip&apos;s headers disagree on the frame size: %1 × %2 and %3 × %4.</source>
        <translation>视频片段各头部的帧尺寸不一致：%1 × %2 与 %3 × %4。</translation>
    </message>
    <message>
        <source>The clip&apos;s frame rate (%1 / %2) is not one a clip can have.</source>
        <translation>视频片段的帧率（%1 / %2）无效。</translation>
    </message>
    <message>
        <source>the frames</source>
        <translation>帧数据</translation>
    </message>
    <message>
        <source>The clip holds something other than its video frames (&quot;%1&quot;).</source>
        <translation>视频片段包含视频帧以外的内容（“%1”）。</translation>
    </message>
    <message>
        <source>The clip has no frames.</source>
        <translation>视频片段没有帧。</translation>
    </message>
    <message>
        <source>The clip&apos;s frames do not add up: it has %1, its headers say %2 and %3.</source>
        <translation>视频片段的帧数不符：实际 %1 帧，头部声明 %2 和 %3。</translation>
    </message>
    <message>
        <source>Frame %1 of the clip is not a JPEG picture.</source>
        <translation>视频片段的第 %1 帧不是 JPEG 图像。</translation>
    </message>
    <message>
        <source>Frame %1 of the clip is not a whole JPEG picture of the clip&apos;s size.</source>
        <translation>视频片段的第 %1 帧不是与片段尺寸一致的完整 JPEG 图像。</translation>
    </message>
    <message>
        <source>The clip&apos;s index is damaged.</source>
        <translation>视频片段的索引已损坏。</translation>
    </message>
    <message>
        <source>The clip&apos;s frames do not add up: it has %1, its index %2.</source>
        <translation>视频片段的帧数不符：实际 %1 帧，索引中 %2 帧。</translation>
    </message>
    <message>
        <source>The clip&apos;s index does not point at frame %1.</source>
        <translation>视频片段的索引未指向第 %1 帧。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s).</source>
        <translation>
            <numerusform>%1：%n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ok: &quot;%2&quot;, %3 long, %4 injects, %5 expectations, %6 branches.</source>
        <translation>%1：正常：“%2”，时长 %3，%4 个注入事件，%5 项预期，%6 个分支。</translation>
    </message>
    <message>
        <source>Open the training desk: the demo store (made on first use: a synthetic district with its history), a demo user signed in, a live simulation on the simulated clock, the trainer console. Never touches live data.</source>
        <translation>打开培训工作台：使用演示数据存储（首次使用时创建：一个带有历史记录的合成辖区），以演示用户登录，在模拟时钟上运行实时模拟，并打开培训员控制台。绝不触及真实数据。</translation>
    </message>
    <message>
        <source>Check a training scenario file: print every problem with its place in the file; exit 1 when there is one. Needs no store.</source>
        <translation>检查培训场景文件：列出每个问题及其在文件中的位置；存在问题时退出码为 1。无需数据存储。</translation>
    </message>
    <message>
        <source>Write a synthetic demo history of N incidents, with the units, cameras and every centre&apos;s records in proportion, into the empty store given by --store; prints the rows and the time. A store that already holds incidents is refused.</source>
        <translation>将包含 N 起警情的合成演示历史数据（连同按比例生成的警力、摄像机和各中心的记录）写入由 --store 指定的空数据存储；输出写入的行数和用时。已含有警情的数据存储将被拒绝。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>For --generate-demo: the seed (default 1); the same seed gives the same data.</source>
        <translation>用于 --generate-demo：随机种子（默认为 1）；相同的种子生成相同的数据。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>--generate-demo needs a number of incidents from 0 to 100000000.</source>
        <translation>--generate-demo 需要 0 到 100000000 之间的警情数量。</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to 18446744073709551615.</source>
        <translation>--seed 需要 0 到 18446744073709551615 之间的整数。</translation>
    </message>
    <message>
        <source>--generate-demo needs --store: demo data goes into a store of its own, never into the desk&apos;s.</source>
        <translation>--generate-demo 需要同时指定 --store：演示数据写入单独的数据存储，绝不写入工作台自己的数据存储。</translation>
    </message>
    <message>
        <source>--seed goes with --generate-demo.</source>
        <translation>--seed 须与 --generate-demo 一起使用。</translation>
    </message>
    <message>
        <source>Demo data written to %1: %2 incidents from seed %3 in %4 s.</source>
        <translation>演示数据已写入 %1：由种子 %3 生成 %2 起警情，用时 %4 秒。</translation>
    </message>
    <message>
        <source>%1 rows in all (%2).</source>
        <translation>共 %1 行（%2）。</translation>
    </message>
    <message>
        <source>The district map has no streets or no station areas.</source>
        <translation>辖区地图中没有街道或没有派出所辖区。</translation>
    </message>
    <message>
        <source>Cannot read the district map %1: %2</source>
        <translation>无法读取辖区地图 %1：%2</translation>
    </message>
    <message>
        <source>The number of demo incidents must be between 0 and 100,000,000.</source>
        <translation>演示警情的数量必须在 0 到 100,000,000 之间。</translation>
    </message>
    <message>
        <source>The store %1 has no incident table: demo data needs the hub module.</source>
        <translation>数据存储 %1 中没有警情表：演示数据需要指挥中枢模块。</translation>
    </message>
    <message>
        <source>The store %1 already holds incidents. Demo data is written only into a store without any, so that it can never mix with live data: name a new store with --store.</source>
        <translation>数据存储 %1 中已有警情。演示数据只写入不含任何警情的数据存储，以免与真实数据混杂：请用 --store 指定一个新的数据存储。</translation>
    </message>
    <message>
        <source>Harbour Rd / 5th St</source>
        <translation>港湾路 / 五街</translation>
    </message>
    <message>
        <source>Tower B roof, east</source>
        <translation>B 座楼顶（东）</translation>
    </message>
    <message>
        <source>Drone 1, overhead</source>
        <translation>无人机 1（正上方）</translation>
    </message>
    <message>
        <source>Tower B roof, west</source>
        <translation>B 座楼顶（西）</translation>
    </message>
    <message>
        <source>Market St crossing</source>
        <translation>市场街路口</translation>
    </message>
    <message>
        <source>Negotiator, body camera</source>
        <translation>谈判专家执法记录仪</translation>
    </message>
    <message>
        <source>Drone 2, north</source>
        <translation>无人机 2（北侧）</translation>
    </message>
    <message>
        <source>Canal St bridge</source>
        <translation>运河街桥</translation>
    </message>
    <message>
        <source>Pier 3 gate</source>
        <translation>三号码头大门</translation>
    </message>
    <message>
        <source>Two cars collided, one driver complains of neck pain</source>
        <translation>两车相撞，一名驾驶人称颈部疼痛</translation>
    </message>
    <message>
        <source>Scooter rider knocked down at a crossing</source>
        <translation>电动车骑手在路口被撞倒</translation>
    </message>
    <message>
        <source>Van hit a parked car and blocks a lane</source>
        <translation>面包车撞上路边停放的车辆，占用一条车道</translation>
    </message>
    <message>
        <source>Shop owner found the back door forced overnight</source>
        <translation>店主发现后门夜间被撬</translation>
    </message>
    <message>
        <source>Flat broken into, laptop and jewellery missing</source>
        <translation>住宅被盗，笔记本电脑和首饰丢失</translation>
    </message>
    <message>
        <source>Neighbour reports someone climbing into a ground-floor window</source>
        <translation>邻居报称有人从一楼窗户爬入</translation>
    </message>
    <message>
        <source>Fight outside a bar, one man bleeding</source>
        <translation>酒吧外发生斗殴，一名男子流血</translation>
    </message>
    <message>
        <source>Delivery rider punched in a dispute over a parcel</source>
        <translation>快递员因包裹纠纷被人殴打</translation>
    </message>
    <message>
        <source>Woman reports being pushed and threatened by an ex-partner</source>
        <translation>女子报称遭前任推搡和威胁</translation>
    </message>
    <message>
        <source>Loud music and shouting from a flat, residents complain</source>
        <translation>某住户家中音乐声和叫喊声很大，居民投诉</translation>
    </message>
    <message>
        <source>Group of drunk people blocking the pavement</source>
        <translation>一群醉酒人员堵塞人行道</translation>
    </message>
    <message>
        <source>Dispute between a stall holder and customers draws a crowd</source>
        <translation>摊主与顾客发生纠纷，引来人群围观</translation>
    </message>
    <message>
        <source>Smoke from a restaurant kitchen</source>
        <translation>餐馆厨房冒烟</translation>
    </message>
    <message>
        <source>Rubbish bins on fire next to a building</source>
        <translation>楼旁垃圾桶起火</translation>
    </message>
    <message>
        <source>Electric scooter battery burning in a stairwell</source>
        <translation>楼道内电动车电池起火</translation>
    </message>
    <message>
        <source>Elderly man with dementia left home this morning</source>
        <translation>一名患有认知障碍的老年男子今早离家</translation>
    </message>
    <message>
        <source>Child of seven separated from her parents at the market</source>
        <translation>一名七岁女童在市场与父母走散</translation>
    </message>
    <message>
        <source>Unattended suitcase at a bus stop</source>
        <translation>公交车站有无人看管的行李箱</translation>
    </message>
    <message>
        <source>Package with wires left next to an office entrance</source>
        <translation>办公楼入口旁有人遗留一个带电线的包裹</translation>
    </message>
    <message>
        <source>Person sitting on the edge of a roof</source>
        <translation>有人坐在楼顶边缘</translation>
    </message>
    <message>
        <source>Man on a ledge of a residential block, refuses to come down</source>
        <translation>一名男子站在居民楼外墙窗台上，拒绝下来</translation>
    </message>
    <message>
        <source>Caller reports a lost wallet with documents</source>
        <translation>报警人称遗失装有证件的钱包</translation>
    </message>
    <message>
        <source>Stray dog frightening children in a courtyard</source>
        <translation>流浪狗在院子里惊吓儿童</translation>
    </message>
    <message>
        <source>Broken traffic light at a junction</source>
        <translation>路口交通信号灯故障</translation>
    </message>
    <message>
        <source>Caller reports: %1</source>
        <translation>报警人称：%1</translation>
    </message>
    <message>
        <source>Check the burglary at %1 against open leads</source>
        <translation>将 %1 的入室盗窃与在办线索进行比对</translation>
    </message>
    <message>
        <source>Open a case for the assault at %1</source>
        <translation>就 %1 的殴打事件立案</translation>
    </message>
    <message>
        <source>Follow up the residents&apos; complaint about the disturbance at %1</source>
        <translation>跟进居民对 %1 扰民问题的投诉</translation>
    </message>
    <message>
        <source>Inspect the fire safety of the premises at %1</source>
        <translation>检查 %1 场所的消防安全</translation>
    </message>
    <message>
        <source>Review the road safety of the junction near %1</source>
        <translation>评估 %1 附近路口的道路安全</translation>
    </message>
    <message>
        <source>Review the security of the sites near %1</source>
        <translation>评估 %1 附近场所的安保情况</translation>
    </message>
    <message>
        <source>Search the records for sightings near %1</source>
        <translation>在记录中查找 %1 附近的目击信息</translation>
    </message>
    <message>
        <source>Arrange welfare follow-up for the person at %1</source>
        <translation>为 %1 的当事人安排后续关怀帮扶</translation>
    </message>
    <message>
        <source>Answer the caller&apos;s request about %1</source>
        <translation>答复报警人关于 %1 的求助</translation>
    </message>
    <message>
        <source>The exercise simulation starts: loading the incident categories and the units.</source>
        <translation>演练模拟开始：正在加载警情类别和警力。</translation>
    </message>
    <message>
        <source>The exercise simulation stopped; incidents and units stay as they are.</source>
        <translation>演练模拟已停止；警情和警力保持现状。</translation>
    </message>
    <message>
        <source>No new exercise incidents; those under way are seen through.</source>
        <translation>不再产生新的演练警情；进行中的警情将处理完毕。</translation>
    </message>
    <message>
        <source>Exercise incidents arrive again.</source>
        <translation>演练警情恢复产生。</translation>
    </message>
    <message>
        <source>the store did not answer</source>
        <translation>数据存储没有响应</translation>
    </message>
    <message>
        <source>an unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>The exercise simulation stops: whoever it acts as may not %1.</source>
        <translation>演练模拟停止：其所代表的用户无权%1。</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
    <message>
        <source>The exercise simulation has no district with streets: it cannot place incidents or move units.</source>
        <translation>演练模拟没有包含街道的辖区：无法放置警情或移动警力。</translation>
    </message>
    <message>
        <source>The exercise simulation waits: no district.</source>
        <translation>演练模拟等待中：没有辖区。</translation>
    </message>
    <message>
        <source>read the incident categories</source>
        <translation>读取警情类别</translation>
    </message>
    <message>
        <source>The incident taxonomy is empty: no exercise incidents until it has categories.</source>
        <translation>警情分类为空：在添加类别之前不会产生演练警情。</translation>
    </message>
    <message>
        <source>read the units</source>
        <translation>读取警力</translation>
    </message>
    <message numerus="yes">
        <source>There are no units with a position in the store: no exercise incidents until there are some (looking again every %n minute(s)).</source>
        <translation>
            <numerusform>数据存储中没有带位置的警力：在有警力之前不会产生演练警情（每 %n 分钟重新查找一次）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The exercise simulation runs with %n unit(s).</source>
        <translation>
            <numerusform>演练模拟以 %n 支警力运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>read incident %1</source>
        <translation>读取警情 %1</translation>
    </message>
    <message>
        <source>The exercise takes incident %1 over, with %2</source>
        <translation>演练接管警情 %1，警力：%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>exercise address: house number, street</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>EXERCISE: %1</source>
        <translation>演练：%1</translation>
    </message>
    <message>
        <source>create an exercise incident</source>
        <translation>创建演练警情</translation>
    </message>
    <message>
        <source>Incident %1 came in: P%2 %3 at %4</source>
        <translation>警情 %1 接报：P%2 %3，地点 %4</translation>
    </message>
    <message>
        <source>Nobody could be sent to incident %1 for an hour: it is handled on the phone.</source>
        <translation>一小时内无法向警情 %1 派出任何警力：改为电话处理。</translation>
    </message>
    <message>
        <source>Exercise: handled on the phone, no unit was free</source>
        <translation>演练：无空闲警力，已电话处理</translation>
    </message>
    <message>
        <source>Incident %1 is %2: the exercise leaves it to the desk.</source>
        <translation>警情 %1 当前为“%2”：演练将其交由工作台人员处理。</translation>
    </message>
    <message>
        <source>No unit is free for incident %1; the dispatcher waits.</source>
        <translation>没有可派往警情 %1 的空闲警力；调度员等待中。</translation>
    </message>
    <message>
        <source>dispatch %1 to incident %2</source>
        <translation>向警情 %2 调派 %1</translation>
    </message>
    <message>
        <source>%1 dispatched to incident %2</source>
        <translation>已向警情 %2 调派 %1</translation>
    </message>
    <message>
        <source>report the position of %1</source>
        <translation>上报 %1 的位置</translation>
    </message>
    <message>
        <source>record %1 arriving at incident %2</source>
        <translation>记录 %1 到达警情 %2</translation>
    </message>
    <message>
        <source>%1 arrived at incident %2</source>
        <translation>%1 已到达警情 %2</translation>
    </message>
    <message>
        <source>clear %1 from incident %2</source>
        <translation>将 %1 从警情 %2 撤回</translation>
    </message>
    <message>
        <source>%1 cleared from incident %2</source>
        <translation>%1 已从警情 %2 撤离</translation>
    </message>
    <message>
        <source>resolve incident %1</source>
        <translation>将警情 %1 标为已处置</translation>
    </message>
    <message>
        <source>Incident %1 resolved</source>
        <translation>警情 %1 已处置</translation>
    </message>
    <message>
        <source>Exercise: report written</source>
        <translation>演练：报告已填写</translation>
    </message>
    <message>
        <source>close incident %1</source>
        <translation>将警情 %1 结案</translation>
    </message>
    <message>
        <source>Incident %1 closed</source>
        <translation>警情 %1 已结案</translation>
    </message>
    <message>
        <source>Exercise follow-up of incident %1.</source>
        <translation>警情 %1 的演练后续工作。</translation>
    </message>
    <message>
        <source>give %1 a task</source>
        <translation>向 %1 下达任务</translation>
    </message>
    <message>
        <source>Task %1 issued to %2: %3</source>
        <translation>已向 %2 下达任务 %1：%3</translation>
    </message>
    <message>
        <source>accept task %1</source>
        <translation>接受任务 %1</translation>
    </message>
    <message>
        <source>%1 accepted task %2</source>
        <translation>%1 已接受任务 %2</translation>
    </message>
    <message>
        <source>Exercise: half done</source>
        <translation>演练：已完成一半</translation>
    </message>
    <message>
        <source>report on task %1</source>
        <translation>汇报任务 %1 的进展</translation>
    </message>
    <message>
        <source>Exercise: done</source>
        <translation>演练：已完成</translation>
    </message>
    <message>
        <source>complete task %1</source>
        <translation>完成任务 %1</translation>
    </message>
    <message>
        <source>%1 completed task %2</source>
        <translation>%1 已完成任务 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 is not a demo store: it holds %n incident(s) and no demo mark. Demo mode never opens live data; name a new file, or none for the standard demo store.</source>
        <translation>
            <numerusform>%1 不是演示数据存储：其中有 %n 起警情，且没有演示标记。演示模式绝不打开真实数据；请指定一个新文件，或不指定以使用标准演示数据存储。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no demo user for the role %1.</source>
        <translation>角色 %1 没有对应的演示用户。</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>未知的键（应为以下之一：%1）</translation>
    </message>
    <message>
        <source>missing (required)</source>
        <translation>缺失（必填）</translation>
    </message>
    <message>
        <source>expected %1, not %2</source>
        <translation>应为%1，而不是%2</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an id: use lower-case letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>“%1”不是有效的标识：请使用小写字母、数字、“-”和“_”</translation>
    </message>
    <message>
        <source>expected a duration like 2m30s</source>
        <translation>应为类似 2m30s 的时长</translation>
    </message>
    <message>
        <source>expected text: a string, or {&quot;en&quot;: &quot;...&quot;, &quot;zh_CN&quot;: &quot;...&quot;}</source>
        <translation>应为文本：字符串，或 {&quot;en&quot;: &quot;...&quot;, &quot;zh_CN&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>not a language: use a locale name like en or zh_CN</source>
        <translation>不是有效的语言：请使用 en 或 zh_CN 之类的区域名称</translation>
    </message>
    <message>
        <source>expected a non-empty string</source>
        <translation>应为非空字符串</translation>
    </message>
    <message>
        <source>missing (required: the English text)</source>
        <translation>缺失（必填：英文文本）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a module (one of: %2)</source>
        <translation>“%1”不是模块（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>&quot;@%1&quot; names no %2</source>
        <translation>“@%1”未指向任何%2</translation>
    </message>
    <message>
        <source>expected a priority from 1 (most urgent) to 4</source>
        <translation>应为 1（最紧急）到 4 的优先级</translation>
    </message>
    <message>
        <source>expected a position {&quot;lat&quot;: 31.2304, &quot;lon&quot;: 121.4737} on the earth</source>
        <translation>应为地球上的位置，如 {&quot;lat&quot;: 31.2304, &quot;lon&quot;: 121.4737}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an incident source (call, video, public_complaint, model_alert or centre)</source>
        <translation>“%1”不是警情来源（call、video、public_complaint、model_alert 或 centre）</translation>
    </message>
    <message>
        <source>expected event or incident</source>
        <translation>应为 event 或 incident</translation>
    </message>
    <message>
        <source>an incident inject has no topic (it publishes incident.created)</source>
        <translation>警情注入事件没有 topic（它发布 incident.created）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a topic: dotted lower-case words such as model.alerted</source>
        <translation>“%1”不是主题：应为以点分隔的小写单词，例如 model.alerted</translation>
    </message>
    <message>
        <source>%1 is written by Hexhub&apos;s own services with their data; an inject cannot publish it (an incident inject creates incidents)</source>
        <translation>%1 由 Hexhub 自身的服务连同其数据写入；注入事件不能发布它（警情注入事件会创建警情）</translation>
    </message>
    <message>
        <source>set by the run on every inject; leave it out</source>
        <translation>由演练在每个注入事件上自动设置；请勿填写</translation>
    </message>
    <message>
        <source>inject before this one</source>
        <translation>本条之前的注入事件</translation>
    </message>
    <message>
        <source>must be longer than 0s</source>
        <translation>必须长于 0s</translation>
    </message>
    <message>
        <source>expected a topic such as incident.dispatched</source>
        <translation>应为主题，例如 incident.dispatched</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit kind</source>
        <translation>“%1”不是有效的单元类型</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>not JSON (%1: %2)</source>
        <translation>不是 JSON（%1：%2）</translation>
    </message>
    <message>
        <source>expected a JSON object with the scenario</source>
        <translation>应为包含场景的 JSON 对象</translation>
    </message>
    <message>
        <source>this Hexhub reads scenario schema %1</source>
        <translation>此版本 Hexhub 读取的场景结构版本为 %1</translation>
    </message>
    <message>
        <source>expected a module id (one of: %1)</source>
        <translation>应为模块标识（以下之一：%1）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>“%1”重复列出</translation>
    </message>
    <message>
        <source>&quot;start&quot; is reserved for the start of the scenario</source>
        <translation>“start”保留用于表示场景的开始</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot; (also %2)</source>
        <translation>标识“%1”重复（另见 %2）</translation>
    </message>
    <message>
        <source>duplicate ref &quot;%1&quot; (also %2)</source>
        <translation>引用名“%1”重复（另见 %2）</translation>
    </message>
    <message>
        <source>comes before %1 (at %2): injects go in time order</source>
        <translation>早于 %1（时间为 %2）：注入事件须按时间顺序排列</translation>
    </message>
    <message>
        <source>after the end of the scenario (%1)</source>
        <translation>晚于场景结束时间（%1）</translation>
    </message>
    <message>
        <source>expected met, late or missed</source>
        <translation>应为 met、late 或 missed</translation>
    </message>
    <message>
        <source>comes before the inject before it: injects go in time order</source>
        <translation>早于其前一个注入事件：注入事件须按时间顺序排列</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an inject id (or &quot;start&quot;)</source>
        <translation>“%1”不是注入事件标识（也不是“start”）</translation>
    </message>
    <message>
        <source>inject</source>
        <translation>注入事件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an expectation id</source>
        <translation>“%1”不是预期项标识</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>This run has already started.</source>
        <translation>本次演练已经开始。</translation>
    </message>
    <message>
        <source>Only a signed-in trainer can run a training scenario.</source>
        <translation>只有已登录的培训员才能运行培训场景。</translation>
    </message>
    <message>
        <source>it refers to %1, which did not happen</source>
        <translation>它引用了 %1，但该事件未发生</translation>
    </message>
    <message>
        <source>%1: not injected: %2</source>
        <translation>%1：未注入：%2</translation>
    </message>
    <message>
        <source>the run is not running</source>
        <translation>演练未在进行</translation>
    </message>
    <message>
        <source>duplicate ref &quot;%1&quot;</source>
        <translation>引用名“%1”重复</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;</source>
        <translation>标识“%1”重复</translation>
    </message>
    <message>
        <source>The store %1 has users or units of its own: it is set up for live work. Demo data is written only into a new store: name one with --store.</source>
        <translation>数据存储 %1 已有自己的用户或警力：它已为实际工作配置。演示数据只写入新的数据存储：请用 --store 指定一个。</translation>
    </message>
    <message>
        <source>(A demo store whose first start was interrupted is left like this too: delete it and the files beside it, and the next start makes it again.)</source>
        <translation>（首次启动被中断的演示数据存储也会是这样：删除它及其旁边的文件，下次启动会重新生成。）</translation>
    </message>
    <message>
        <source>%1 is not a demo store: it has users or units of its own, so it is set up for live work. Demo mode never opens live data; name a new file, or none for the standard demo store.</source>
        <translation>%1 不是演示数据存储：它已有自己的用户或警力，说明已为实际工作配置。演示模式从不打开真实数据；请指定一个新文件，或不指定以使用标准演示数据存储。</translation>
    </message>
    <message>
        <source>Training scenarios run only on the demo desk (hexhub --demo): their injects must never reach live data.</source>
        <translation>培训场景只能在演示工作台（hexhub --demo）上运行：其注入事件绝不能进入真实数据。</translation>
    </message>
    <message>
        <source>This desk&apos;s outbox %1 cannot be opened: cannot create the folder %2.</source>
        <translation>本席位的发件箱 %1 无法打开:无法创建文件夹 %2。</translation>
    </message>
    <message>
        <source>This desk&apos;s outbox %1 cannot be locked (%2).</source>
        <translation>本席位的发件箱 %1 无法加锁(%2)。</translation>
    </message>
    <message>
        <source>no permission to write in its folder</source>
        <translation>无权写入其所在文件夹</translation>
    </message>
    <message>
        <source>%1 was changed on another desk meanwhile; look at it again and retry.</source>
        <translation>%1 已在另一个席位上被更改；请重新查看后再试。</translation>
    </message>
    <message>
        <source>Priority 1 incident %1</source>
        <translation>一级警情 %1</translation>
    </message>
    <message>
        <source>New incident %1</source>
        <translation>新警情 %1</translation>
    </message>
    <message>
        <source>%1 is named twice: a unit goes to an incident once.</source>
        <translation>%1 被重复选择：一个警力单元只能派往同一警情一次。</translation>
    </message>
    <message>
        <source>No module here opens a record of the kind &apos;%1&apos;.</source>
        <translation>此处没有模块能打开“%1”类记录。</translation>
    </message>
    <message>
        <source>%1 cannot show its records here (you may not open its view).</source>
        <translation>%1 无法在此显示其记录（您无权打开其视图）。</translation>
    </message>
    <message>
        <source>%1 has no %2 %3.</source>
        <translation>%1 中没有 %2 %3。</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>警情 %1</translation>
    </message>
    <message>
        <source>P%1, %2: %3</source>
        <translation>%1 级，%2：%3</translation>
    </message>
    <message>
        <source>Command %1 was already used for %2; a new action needs a new command.</source>
        <translation>命令 %1 已用于 %2；新的操作需要新的命令。</translation>
    </message>
    <message>
        <source>The change carries no command id, so it could be applied twice; it was refused.</source>
        <translation>该变更没有命令编号，可能被重复执行，已被拒绝。</translation>
    </message>
    <message>
        <source>Camera %1 was changed on another desk meanwhile; look at it again and retry.</source>
        <translation>摄像机 %1 已被其他席位修改，请重新查看后再试。</translation>
    </message>
    <message>
        <source>Incident %1 was changed by someone else meanwhile; look at it again and retry.</source>
        <translation>警情 %1 已被他人修改，请重新查看后再试。</translation>
    </message>
    <message>
        <source>The task &apos;%1&apos; was changed on another desk meanwhile; look at it again and retry.</source>
        <translation>任务“%1”已被其他席位修改，请重新查看后再试。</translation>
    </message>
    <message>
        <source>Operation %1 was changed on another desk meanwhile; look at it again and retry.</source>
        <translation>行动 %1 已被其他席位修改，请重新查看后再试。</translation>
    </message>
    <message>
        <source>City police</source>
        <translation>市公安局</translation>
    </message>
    <message>
        <source>The server %1 is ready for desks: schema applied, the grants each module declares and row-level security in place.</source>
        <translation>服务器 %1 已可供席位使用：架构已应用，各模块声明的授权和行级安全已就位。</translation>
    </message>
    <message>
        <source>Cannot read the table access %1: %2</source>
        <translation>无法读取表访问声明 %1：%2</translation>
    </message>
    <message>
        <source>No module declares who may use the tables %1 (sql/server/tables.json); the server was left as it was.</source>
        <translation>没有模块声明谁可以使用表 %1（sql/server/tables.json）；服务器保持原样。</translation>
    </message>
    <message>
        <source>it needs an object &quot;tables&quot;</source>
        <translation>需要一个对象 &quot;tables&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a table name</source>
        <translation>&quot;%1&quot; 不是表名</translation>
    </message>
    <message>
        <source>table %1 needs an object of privileges</source>
        <translation>表 %1 需要一个权限对象</translation>
    </message>
    <message>
        <source>table %1: &quot;%2&quot; is not select, insert, update or delete (with columns in parentheses)</source>
        <translation>表 %1：&quot;%2&quot; 不是 select、insert、update 或 delete（列写在括号中）</translation>
    </message>
    <message>
        <source>table %1: &quot;%2&quot; is not a column name</source>
        <translation>表 %1：&quot;%2&quot; 不是列名</translation>
    </message>
    <message>
        <source>table %1: delete applies to whole rows, not columns</source>
        <translation>表 %1：delete 作用于整行，不能指定列</translation>
    </message>
    <message>
        <source>table %1: %2 needs an array of roles</source>
        <translation>表 %1：%2 需要一个角色数组</translation>
    </message>
    <message>
        <source>table %1: %2 names an unknown role &quot;%3&quot;</source>
        <translation>表 %1：%2 指定了未知角色 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>The table access of %1 is not valid: %2</source>
        <translation>%1 的表访问声明无效：%2</translation>
    </message>
    <message>
        <source>The server could not be asked to check the password: %1</source>
        <translation>无法请服务器核对密码：%1</translation>
    </message>
    <message>
        <source>This desk is connected to the server as %1: sign in as %1, or start Hexhub with your own login (--store postgresql://%2@...).</source>
        <translation>本席位以 %1 的身份连接服务器：请以 %1 登录，或用您自己的登录名启动 Hexhub（--store postgresql://%2@...）。</translation>
    </message>
    <message>
        <source>With --verify-audit: the head printed by an earlier run; exit 3 when the log no longer holds it (rolled back to an older copy).</source>
        <translation>与 --verify-audit 一起使用：先前运行打印的链头；若日志中已不含该链头（被回滚到旧副本），以代码 3 退出。</translation>
    </message>
    <message>
        <source>hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Head: row %1, %2</source>
        <translation>链头：第 %1 行，%2</translation>
    </message>
    <message>
        <source>The audit log does not hold the head %1 recorded earlier: it was rolled back to an older copy or replaced.</source>
        <translation>审计日志中没有先前记录的链头 %1：它被回滚到了旧副本或被替换。</translation>
    </message>
    <message>
        <source>The server signs its audit log with another key than %1: run --init-server with the --audit-key the log was written with.</source>
        <translation>服务器用与 %1 不同的密钥签署审计日志：请使用写入该日志时所用的 --audit-key 运行 --init-server。</translation>
    </message>
    <message>
        <source>enable an account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>disable an account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>You cannot disable your own account; ask another administrator.</source>
        <translation>您不能停用自己的账户；请另一位管理员操作。</translation>
    </message>
    <message>
        <source>This is the last active administrator; enable or add another first.</source>
        <translation>这是最后一个在用的管理员；请先启用或添加另一位管理员。</translation>
    </message>
    <message>
        <source>reset a password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Sign in first to change your password.</source>
        <translation>请先登录再修改密码。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <source>The current password is not right; the password was not changed.</source>
        <translation>当前密码不正确；密码未修改。</translation>
    </message>
    <message>
        <source>by %1 at %2: %3 %4</source>
        <translation>由 %1 于 %2 发出：%3 %4</translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation>查看账户列表</translation>
    </message>
    <message>
        <source>A page of accounts starts at 0 or later and holds 0 or more of them.</source>
        <translation>账户分页的起始位置和数量都不能小于 0。</translation>
    </message>
    <message>
        <source>The command has no valid id.</source>
        <translation>该命令没有有效的标识。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an operation a command can name.</source>
        <translation>“%1”不是命令可以指定的操作。</translation>
    </message>
    <message>
        <source>The command %1 has no arguments.</source>
        <translation>命令 %1 没有参数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is kept on this desk behind earlier work on the same record that is not on the server yet, and is sent after it.</source>
        <translation>“%1”已保存在本工作台，排在同一记录上尚未送达服务器的较早操作之后，将在其后发送。</translation>
    </message>
    <message>
        <source>The server cannot be reached: &quot;%1&quot; is kept on this desk and is sent when the server is back.</source>
        <translation>无法连接服务器：“%1”已保存在本工作台，服务器恢复后发送。</translation>
    </message>
    <message>
        <source>A command kept for later needs its id and operation.</source>
        <translation>保存待发的命令需要其标识和操作。</translation>
    </message>
    <message>
        <source>The server cannot be reached and this desk has no open outbox to keep &quot;%1&quot; in; it was not made.</source>
        <translation>无法连接服务器，且本工作台没有可用的待发队列来保存“%1”；该操作未执行。</translation>
    </message>
    <message>
        <source>The server cannot be reached, and &quot;%1&quot; could not be kept on this desk (%2): %3; it was not made.</source>
        <translation>无法连接服务器，且“%1”无法保存在本工作台（%2）：%3；该操作未执行。</translation>
    </message>
    <message>
        <source>The command failed in a way this desk cannot describe.</source>
        <translation>该命令以本工作台无法描述的方式失败。</translation>
    </message>
    <message>
        <source>No module on this desk sends &quot;%1&quot; (%2); start the desk with that module, or discard it.</source>
        <translation>本工作台没有模块能发送“%1”（%2）；请加载该模块启动工作台，或放弃该操作。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is sent again under the operator signed in at a desk; sign in to keep it, or discard it.</source>
        <translation>“%1”将以工作台上已登录的操作员身份重新发送；请登录后保留它，或放弃它。</translation>
    </message>
    <message>
        <source>The server cannot be reached; &quot;%1&quot; stays on this desk. Decide again when the server is back.</source>
        <translation>无法连接服务器；“%1”仍保存在本工作台。请在服务器恢复后再作决定。</translation>
    </message>
    <message>
        <source>The kept command has no valid %1.</source>
        <translation>保存的命令没有有效的 %1。</translation>
    </message>
    <message>
        <source>The kept command has no %1.</source>
        <translation>保存的命令缺少 %1。</translation>
    </message>
    <message>
        <source>The kept command&apos;s place cannot be read: %1</source>
        <translation>无法读取保存命令中的地点：%1</translation>
    </message>
    <message>
        <source>The kept command has no valid source.</source>
        <translation>保存的命令没有有效的来源。</translation>
    </message>
    <message>
        <source>The kept command has no valid assignee.</source>
        <translation>保存的命令没有有效的承办方。</translation>
    </message>
    <message>
        <source>The kept command has no valid status.</source>
        <translation>保存的命令没有有效的状态。</translation>
    </message>
    <message>
        <source>The kept operation cannot be read: %1</source>
        <translation>无法读取保存的行动：%1</translation>
    </message>
    <message>
        <source>The kept command has no valid outcome.</source>
        <translation>保存的命令没有有效的结果。</translation>
    </message>
    <message>
        <source>The kept unit cannot be read: %1</source>
        <translation>无法读取保存的警力：%1</translation>
    </message>
    <message>
        <source>New incident: %1</source>
        <translation>新警情：%1</translation>
    </message>
    <message>
        <source>Change incident %1</source>
        <translation>修改警情 %1</translation>
    </message>
    <message>
        <source>Incident %1: %2</source>
        <translation>警情 %1：%2</translation>
    </message>
    <message>
        <source>Note on incident %1: %2</source>
        <translation>警情 %1 的备注：%2</translation>
    </message>
    <message>
        <source>Link incident %1 to %2 %3</source>
        <translation>将警情 %1 关联到%2 %3</translation>
    </message>
    <message>
        <source>Playbook step %1 of incident %2</source>
        <translation>警情 %2 的预案步骤 %1</translation>
    </message>
    <message>
        <source>Dispatch %1 to incident %2</source>
        <translation>派 %1 前往警情 %2</translation>
    </message>
    <message>
        <source>%1 on scene at incident %2</source>
        <translation>%1 已到达警情 %2 现场</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 已收队</translation>
    </message>
    <message>
        <source>Merge incident %1 into %2</source>
        <translation>将警情 %1 合并到 %2</translation>
    </message>
    <message>
        <source>Accept task %1</source>
        <translation>接受任务 %1</translation>
    </message>
    <message>
        <source>Task %1 at %2%</source>
        <translation>任务 %1 进度 %2%</translation>
    </message>
    <message>
        <source>Complete task %1</source>
        <translation>完成任务 %1</translation>
    </message>
    <message>
        <source>Decline task %1</source>
        <translation>拒绝任务 %1</translation>
    </message>
    <message>
        <source>Cancel task %1</source>
        <translation>取消任务 %1</translation>
    </message>
    <message>
        <source>Plan operation %1</source>
        <translation>制定行动 %1</translation>
    </message>
    <message>
        <source>Start operation %1</source>
        <translation>启动行动 %1</translation>
    </message>
    <message>
        <source>Finish operation %1: %2</source>
        <translation>结束行动 %1：%2</translation>
    </message>
    <message>
        <source>Save unit %1</source>
        <translation>保存警力 %1</translation>
    </message>
    <message>
        <source>The store was closed before this was done.</source>
        <translation>存储在完成此操作之前已关闭。</translation>
    </message>
    <message>
        <source>The store is closed.</source>
        <translation>存储已关闭。</translation>
    </message>
    <message>
        <source>The edit does not say what was seen of each field it changes.</source>
        <translation>该修改未说明所改各字段修改前看到的值。</translation>
    </message>
    <message>
        <source>--resolve needs --operator NAME (the password from standard input): a decision on data is made by an operator signed in.</source>
        <translation>--resolve 需要 --operator NAME（密码从标准输入读取）：对数据的决定须由已登录的操作员作出。</translation>
    </message>
    <message>
        <source>Only the operator signed in at this desk decides on what waits in its outbox; sign in first.</source>
        <translation>只有在本席位登录的操作员才能决定其待发队列中等待的内容；请先登录。</translation>
    </message>
    <message>
        <source>The kept edit does not say what was seen of its %1.</source>
        <translation>保存的修改未说明其 %1 修改前看到的值。</translation>
    </message>
    <message>
        <source>The command %1 says it carries a negative number of bytes.</source>
        <translation>命令 %1 声称携带的字节数为负数。</translation>
    </message>
    <message>
        <source>The %1 bytes &quot;%2&quot; carries are not all in this desk&apos;s outbox file (%3 found); discard it and make it again.</source>
        <translation>“%2”携带的 %1 字节未全部保存在本工作台的待发文件中（找到 %3 字节）；请放弃它并重新操作。</translation>
    </message>
    <message>
        <source>Save camera %1</source>
        <translation>保存摄像机 %1</translation>
    </message>
    <message>
        <source>The kept category cannot be read.</source>
        <translation>无法读取保存的类别。</translation>
    </message>
    <message>
        <source>The kept camera cannot be read: %1</source>
        <translation>无法读取保存的摄像机：%1</translation>
    </message>
    <message>
        <source>The category %1 was changed on another desk meanwhile; look at it again and retry.</source>
        <translation>类别 %1 在此期间已被其他工作台修改；请重新查看后再试。</translation>
    </message>
    <message>
        <source>Save category %1</source>
        <translation>保存类别 %1</translation>
    </message>
    <message>
        <source>Snapshot from %1</source>
        <translation>来自 %1 的截图</translation>
    </message>
    <message>
        <source>Clip from %1</source>
        <translation>来自 %1 的片段</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not sent: it is not as %2 kept it on this desk (its seal does not match: it was changed outside Hexhub, or kept before a change of password or by an older Hexhub). Discard it, and make it again if it is still wanted.</source>
        <translation>“%1”未发送：它已不是 %2 在本工作台保存时的样子（封印不符：它在 Hexhub 之外被改动过，或是在更改密码之前或由旧版 Hexhub 保存的）。请放弃它，如仍需要请重新操作。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was kept by %2: only they send it, once signed in at this desk; you may discard it.</source>
        <translation>“%1”由 %2 保存：只有其本人在本工作台登录后才能发送；您可以放弃它。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; waits: the operator signed in here changed as it was being sent.</source>
        <translation>“%1”等待中：发送时本工作台登录的操作员已更换。</translation>
    </message>
    <message>
        <source>The entry&apos;s id in the outbox file is not the one it was kept with.</source>
        <translation>发件箱文件中该条目的编号与保存时的编号不一致。</translation>
    </message>
    <message>
        <source>A category&apos;s default priority is P1 to P4.</source>
        <translation>类别的默认优先级为 P1 至 P4。</translation>
    </message>
    <message>
        <source>A category&apos;s keywords are at most 1,000 characters.</source>
        <translation>类别的关键词最多 1,000 个字符。</translation>
    </message>
    <message>
        <source>Run a big-data model (a bundled model&apos;s id or a model file) over the CSV or JSON Lines file given by --dataset and print each hit: score, members or rows, explanation. Exit 1 with the problems when the model, a parameter or the file is bad. Needs no store.</source>
        <translation>对 --dataset 指定的 CSV 或 JSON Lines 文件运行大数据模型（内置模型的编号或模型文件），输出每条命中：得分、成员或记录行、解释。模型、参数或文件有误时列出问题并以 1 退出。无需数据库。</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>For --run-model: the CSV or JSON Lines file.</source>
        <translation>用于 --run-model：CSV 或 JSON Lines 文件。</translation>
    </message>
    <message>
        <source>For --run-model: a parameter of the model, NAME=VALUE (repeatable; a list of columns as a,b,c).</source>
        <translation>用于 --run-model：模型参数，NAME=VALUE（可重复；列清单写作 a,b,c）。</translation>
    </message>
    <message>
        <source>NAME=VALUE</source>
        <translation>NAME=VALUE</translation>
    </message>
    <message>
        <source>For --run-model: one JSON object a line, each hit then a summary.</source>
        <translation>用于 --run-model：每行一个 JSON 对象，先逐条命中，最后一行汇总。</translation>
    </message>
    <message>
        <source>--run-model needs --dataset FILE (a CSV or JSON Lines file).</source>
        <translation>--run-model 需要 --dataset FILE（CSV 或 JSON Lines 文件）。</translation>
    </message>
    <message>
        <source>--%1 goes with --run-model.</source>
        <translation>--%1 须与 --run-model 一起使用。</translation>
    </message>
    <message>
        <source>Marketplace listings, seized server export</source>
        <translation>交易平台帖子（扣押服务器导出）</translation>
    </message>
    <message>
        <source>Criminal Procedure Law art. 141: electronic data seized under warrant</source>
        <translation>《刑事诉讼法》第一百四十一条：依法扣押的电子数据</translation>
    </message>
    <message>
        <source>Burglaries reported, last 90 days</source>
        <translation>近90天入室盗窃报案</translation>
    </message>
    <message>
        <source>Police Law art. 6: prevention and investigation of crime</source>
        <translation>《人民警察法》第六条：预防、制止和侦查违法犯罪活动</translation>
    </message>
    <message>
        <source>Time limit &quot;%1&quot; of %2 changed from %3 to %4: %5</source>
        <translation>%2 的时限“%1”由 %3 改为 %4：%5</translation>
    </message>
    <message>
        <source>There is no time limit %1 of %2.</source>
        <translation>%2 没有时限 %1。</translation>
    </message>
    <message>
        <source>change a time limit</source>
        <translation>修改时限</translation>
    </message>
    <message>
        <source>A time limit is between a minute and %1.</source>
        <translation>时限须在一分钟到 %1 之间。</translation>
    </message>
    <message>
        <source>Give the reason for the change; it goes on record with the limit.</source>
        <translation>请填写修改理由，理由将与时限一起记录在案。</translation>
    </message>
    <message>
        <source>Someone else changed this time limit meanwhile; look at it again.</source>
        <translation>其他人刚刚修改了此时限，请重新查看。</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>a length of time: &quot;1 day&quot; &quot;12 hours&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>read the colleagues&apos; roles</source>
        <translation>读取同事的角色</translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) at the centres&apos; desks.</source>
        <translation>
            <numerusform>各中心研判台有 %n 名同事在岗。</numerusform>
        </translation>
    </message>
    <message>
        <source>do the work of a colleague at %1</source>
        <translation>完成 %1 同事的工作</translation>
    </message>
    <message>
        <source>A colleague at the big-data desk dismissed hit %1</source>
        <translation>大数据研判台的同事排除了命中 %1</translation>
    </message>
    <message>
        <source>A colleague at the big-data desk asked for more data on hit %1</source>
        <translation>大数据研判台的同事就命中 %1 要求补充数据</translation>
    </message>
    <message>
        <source>Events react on each other without end (at %1); nothing was written.</source>
        <translation>事件之间无休止地相互触发（在 %1 处），未写入任何内容。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a topic a reaction can follow.</source>
        <translation>“%1”不是可供响应的事件主题。</translation>
    </message>
    <message>
        <source>Sent to criminal intelligence: %1</source>
        <translation>已移送刑事情报部门：%1</translation>
    </message>
    <message>
        <source>send an incident to intelligence</source>
        <translation>将警情移送情报部门</translation>
    </message>
    <message>
        <source>Say what criminal intelligence should look at.</source>
        <translation>请说明刑事情报部门应关注什么。</translation>
    </message>
    <message>
        <source>Keep it to 2,000 characters.</source>
        <translation>请控制在 2000 个字符以内。</translation>
    </message>
    <message>
        <source>A colleague at the leads desk recorded tip %1</source>
        <translation>线索席的同事登记了线报 %1</translation>
    </message>
    <message>
        <source>A colleague at the leads desk graded %1 %2</source>
        <translation>线索席的同事将 %1 评级为 %2</translation>
    </message>
    <message>
        <source>awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>proposed task: &quot;assigneeKind&quot; must be centre or unit</source>
        <translation>提议任务：&quot;assigneeKind&quot; 必须是 centre 或 unit</translation>
    </message>
    <message>
        <source>proposed task: &quot;assignee&quot; or &quot;title&quot; is missing</source>
        <translation>提议任务：缺少 &quot;assignee&quot; 或 &quot;title&quot;</translation>
    </message>
    <message>
        <source>proposed task: &quot;priority&quot; must be 1, 2, 3 or 4</source>
        <translation>提议任务：&quot;priority&quot; 必须是 1、2、3 或 4</translation>
    </message>
    <message>
        <source>proposed task: times after go cannot be negative</source>
        <translation>提议任务：行动开始后的时间不能为负</translation>
    </message>
    <message>
        <source>proposal %1: &quot;name&quot; is missing</source>
        <translation>提议 %1：缺少 &quot;name&quot;</translation>
    </message>
    <message>
        <source>proposal %1: &quot;status&quot; is not a proposal status</source>
        <translation>提议 %1：&quot;status&quot; 不是提议状态</translation>
    </message>
    <message>
        <source>proposal %1, line %2: %3</source>
        <translation>提议 %1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>The proposal &apos;%1&apos; was reviewed on another desk meanwhile; look at it again.</source>
        <translation>提议“%1”已在另一席位被审核；请重新查看。</translation>
    </message>
    <message>
        <source>Keep the operation&apos;s name to 200 characters.</source>
        <translation>行动名称请控制在 200 个字符以内。</translation>
    </message>
    <message>
        <source>A proposal says which centre proposes it and from which of its records.</source>
        <translation>提议须说明由哪个中心、依据其哪条记录提出。</translation>
    </message>
    <message>
        <source>An operation of more than 500 tasks is several operations.</source>
        <translation>超过 500 项任务的行动应拆分为多个行动。</translation>
    </message>
    <message>
        <source>A line&apos;s time after go cannot be negative.</source>
        <translation>一行任务在行动开始后的时间不能为负。</translation>
    </message>
    <message>
        <source>Operation proposal %1 does not exist.</source>
        <translation>行动提议 %1 不存在。</translation>
    </message>
    <message>
        <source>A task another centre asks for says which centre that is.</source>
        <translation>由其他中心发起的任务须注明是哪个中心。</translation>
    </message>
    <message>
        <source>An operation proposed from %1 is awaiting review already; withdraw it first to propose another.</source>
        <translation>来自 %1 的行动提议已在等待审核；请先撤回再提出新的提议。</translation>
    </message>
    <message>
        <source>Say why the proposal is withdrawn.</source>
        <translation>请说明撤回提议的原因。</translation>
    </message>
    <message>
        <source>Only the centre that proposed an operation withdraws it.</source>
        <translation>只有提出行动的中心才能撤回它。</translation>
    </message>
    <message>
        <source>The proposal &apos;%1&apos; is %2; only one awaiting review is withdrawn.</source>
        <translation>提议“%1”当前为%2；只有待审核的提议才能撤回。</translation>
    </message>
    <message>
        <source>see operation proposals</source>
        <translation>查看行动提议</translation>
    </message>
    <message>
        <source>A centre&apos;s desk sees the proposals of its own centre.</source>
        <translation>中心席位只能查看本中心的提议。</translation>
    </message>
    <message>
        <source>approve an operation</source>
        <translation>批准行动</translation>
    </message>
    <message>
        <source>The proposal &apos;%1&apos; is %2 already.</source>
        <translation>提议“%1”已经是%2。</translation>
    </message>
    <message>
        <source>Approve proposed operation %1</source>
        <translation>批准行动提议 %1</translation>
    </message>
    <message>
        <source>reject an operation</source>
        <translation>驳回行动</translation>
    </message>
    <message>
        <source>Say why the proposal is rejected.</source>
        <translation>请说明驳回提议的原因。</translation>
    </message>
    <message>
        <source>Reject proposed operation %1</source>
        <translation>驳回行动提议 %1</translation>
    </message>
    <message>
        <source>follow the tasks a centre asked for</source>
        <translation>跟踪本中心发起的任务</translation>
    </message>
    <message>
        <source>A centre&apos;s desk follows the tasks its own centre asked for.</source>
        <translation>中心席位只能跟踪本中心发起的任务。</translation>
    </message>
    <message>
        <source>follow an operation a centre proposed</source>
        <translation>跟踪本中心提议的行动</translation>
    </message>
    <message>
        <source>A centre&apos;s desk follows the operations its own centre proposed.</source>
        <translation>中心席位只能跟踪本中心提议的行动。</translation>
    </message>
    <message>
        <source>Keep the reason under 2,000 characters.</source>
        <translation>理由请控制在2000字以内。</translation>
    </message>
</context>
<context>
    <name>hexhub::TimeLimits</name>
    <message>
        <source>Hits of a model run reviewed</source>
        <translation>模型运行的命中完成审核</translation>
    </message>
    <message>
        <source>A hit needing more data looked at again</source>
        <translation>待补充数据的命中重新审核</translation>
    </message>
    <message>
        <source>An imported dataset kept (the import form&apos;s default)</source>
        <translation>导入数据集的保存期限（导入表单的默认值）</translation>
    </message>
    <message>
        <source>A new lead assessed and graded</source>
        <translation>新线索完成研判和评级</translation>
    </message>
    <message>
        <source>A lead graded high decided on</source>
        <translation>高等级线索作出处置决定</translation>
    </message>
    <message>
        <source>A lead graded medium decided on</source>
        <translation>中等级线索作出处置决定</translation>
    </message>
    <message>
        <source>A lead graded low decided on</source>
        <translation>低等级线索作出处置决定</translation>
    </message>
    <message>
        <source>A summoned person released or held on another ground</source>
        <translation>传唤人员释放或依其他理由留置</translation>
    </message>
    <message>
        <source>A summons approved as serious ended</source>
        <translation>经批准的重大传唤结束</translation>
    </message>
    <message>
        <source>Administrative questioning ended</source>
        <translation>行政询问结束</translation>
    </message>
    <message>
        <source>Questioning where detention is likely ended</source>
        <translation>可能拘留的询问结束</translation>
    </message>
    <message>
        <source>A detained person transferred to the detention centre</source>
        <translation>被拘留人送看守所羁押</translation>
    </message>
    <message>
        <source>A detained person&apos;s family notified</source>
        <translation>通知被拘留人家属</translation>
    </message>
    <message>
        <source>A detained person first interrogated</source>
        <translation>对被拘留人首次讯问</translation>
    </message>
    <message>
        <source>An arrest requested of the procuratorate</source>
        <translation>提请检察院批准逮捕</translation>
    </message>
    <message>
        <source>The longest ordinary extension of an arrest request</source>
        <translation>提请批捕的一般最长延长期</translation>
    </message>
    <message>
        <source>An arrest request for a roving, repeat or gang suspect, at most</source>
        <translation>流窜、多次、结伙作案嫌疑人提请批捕的最长期限</translation>
    </message>
    <message>
        <source>The procuratorate&apos;s decision on an arrest</source>
        <translation>检察院作出批捕决定</translation>
    </message>
    <message>
        <source>An administrative case closed</source>
        <translation>行政案件办结</translation>
    </message>
    <message>
        <source>The extension of an administrative case</source>
        <translation>行政案件延长期</translation>
    </message>
    <message>
        <source>A person in custody checked (standard risk)</source>
        <translation>在押人员巡查（一般风险）</translation>
    </message>
    <message>
        <source>A person in custody checked (intoxicated, injured or unwell)</source>
        <translation>在押人员巡查（醉酒、受伤或身体不适）</translation>
    </message>
    <message>
        <source>A person in custody checked (risk of self-harm)</source>
        <translation>在押人员巡查（有自伤风险）</translation>
    </message>
    <message>
        <source>A fast-track case investigated and referred to the procuratorate</source>
        <translation>快速办理案件侦查终结并移送检察院</translation>
    </message>
    <message>
        <source>A fast-track case prosecuted</source>
        <translation>快速办理案件提起公诉</translation>
    </message>
    <message>
        <source>A fast-track case tried</source>
        <translation>快速办理案件开庭审理</translation>
    </message>
</context>
<context>
    <name>hexhub::basiccontrol::BasicControlModule</name>
    <message>
        <source>Basic control</source>
        <translation>基础管控</translation>
    </message>
    <message>
        <source>Police stations, patrol beats, units and duty rosters, premises inspections.</source>
        <translation>派出所、巡逻责任区、警力单元与值班排班、场所检查。</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::AnalystDesk</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>研判队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Datasets</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>Model &amp;library</source>
        <translation>模型库(&amp;L)</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>运行记录(&amp;U)</translation>
    </message>
    <message>
        <source>Search what the hits say (Ctrl+F)</source>
        <translation>搜索命中内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 条命中</numerusform>
        </translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What the model found</source>
        <translation>模型发现</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Search names, origins and files (Ctrl+F); Ctrl+I imports a file</source>
        <translation>搜索名称、来源和文件（Ctrl+F）；Ctrl+I 导入文件</translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s)</source>
        <translation>
            <numerusform>%n 个数据集</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>搁置</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>&amp;Save as a new version</source>
        <translation>另存为新版本(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run over a dataset... (Ctrl+R)</source>
        <translation>在数据集上运行(&amp;R)...（Ctrl+R）</translation>
    </message>
    <message>
        <source>Problems (checked as you type):</source>
        <translation>问题（输入时即时检查）：</translation>
    </message>
    <message>
        <source>%1
%2 · version %3 · %4</source>
        <translation>%1
%2 · 版本 %3 · %4</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, version %3, %n parameter(s); no problem</source>
        <translation>
            <numerusform>%1：%2，版本 %3，%n 个参数；没有问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the model cannot be saved or run until they are fixed</source>
        <translation>
            <numerusform>%n 个问题：修正之前模型无法保存或运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as %1 version %2.</source>
        <translation>已保存为 %1 版本 %2。</translation>
    </message>
    <message>
        <source>Choose a model without problems in the library first.</source>
        <translation>请先在模型库中选择一个没有问题的模型。</translation>
    </message>
    <message>
        <source>Search models and datasets (Ctrl+F)</source>
        <translation>搜索模型和数据集（Ctrl+F）</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message numerus="yes">
        <source>%1 version %2 over %3 · %4 · %5 rows · %n hit(s)</source>
        <translation>
            <numerusform>%1 版本 %2 运行于 %3 · %4 · %5 行 · %n 条命中</numerusform>
        </translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>搁置：%1</translation>
    </message>
    <message>
        <source>To do: new, more data, confirmed</source>
        <translation>待办：新、需补充数据、已确认</translation>
    </message>
    <message>
        <source>Removing the datasets past their retention date...</source>
        <translation>正在删除已过保存期限的数据集……</translation>
    </message>
    <message>
        <source>No dataset is past its retention date.</source>
        <translation>没有已过保存期限的数据集。</translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s) past their retention date removed (on the journal and the audit trail).</source>
        <translation>
            <numerusform>已删除 %n 个过保存期限的数据集（已记入事件日志和审计记录）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The purge failed: %1</source>
        <translation>清理失败：%1</translation>
    </message>
    <message>
        <source>Parameters: their defaults (a run may change them)</source>
        <translation>参数：默认值（每次运行可另行设定）</translation>
    </message>
    <message>
        <source>given at each run</source>
        <translation>每次运行时给出</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Batch</name>
    <message>
        <source>The model %1 cannot be used:</source>
        <translation>模型 %1 无法使用：</translation>
    </message>
    <message>
        <source>--param %1: expected NAME=VALUE</source>
        <translation>--param %1：应为 NAME=VALUE</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 无法读取：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) set aside:</source>
        <translation>
            <numerusform>%1：%n 行被搁置：</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The parameters do not fit the model %1 and the file %2:</source>
        <translation>参数与模型 %1 及文件 %2 不符：</translation>
    </message>
    <message>
        <source>The model %1 cannot run on %2: %3</source>
        <translation>模型 %1 无法在 %2 上运行：%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, version %3) over %4: %n row(s)</source>
        <translation>
            <numerusform>%1（%2，版本 %3）运行于 %4：%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 条命中</numerusform>
        </translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>得分 %1</translation>
    </message>
    <message>
        <source>members: %1</source>
        <translation>成员：%1</translation>
    </message>
    <message numerus="yes">
        <source>shared with %n other(s)</source>
        <translation>
            <numerusform>与另外 %n 个共用</numerusform>
        </translation>
    </message>
    <message>
        <source>rows at lines %1%2</source>
        <translation>记录位于第 %1 行%2</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform>，另有 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more hit(s) not shown</source>
        <translation>
            <numerusform>另有 %n 条命中未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Set aside by the model:</source>
        <translation>模型搁置的内容：</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) the model could not read (an empty key, a time that is no time) were skipped.</source>
        <translation>
            <numerusform>%n 行模型无法读取（关键值为空或时间无效），已跳过。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::BigDataInvestigationModule</name>
    <message>
        <source>Big-data investigation</source>
        <translation>大数据侦查</translation>
    </message>
    <message>
        <source>Analytic models over imported records that flag patterns and hand explainable leads to the hub.</source>
        <translation>对导入数据运行分析模型，发现异常模式，并向指挥中枢移交可解释的线索。</translation>
    </message>
    <message>
        <source>Analyst&apos;s desk</source>
        <translation>分析员工作台</translation>
    </message>
    <message>
        <source>Big-data wall</source>
        <translation>大数据大屏</translation>
    </message>
    <message>
        <source>Import a dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <source>Run a model over a dataset</source>
        <translation>在数据集上运行模型</translation>
    </message>
    <message>
        <source>Review the models&apos; hits</source>
        <translation>研判模型命中</translation>
    </message>
    <message>
        <source>Purge datasets past their retention date</source>
        <translation>清理已过保存期限的数据集</translation>
    </message>
    <message>
        <source>Big-data dashboard</source>
        <translation>大数据仪表盘</translation>
    </message>
    <message>
        <source>Export the list in view as CSV (hits, datasets or runs)</source>
        <translation>将当前列表导出为 CSV（命中、数据集或运行）</translation>
    </message>
    <message>
        <source>Save the hit in view as a PDF report</source>
        <translation>将当前命中保存为 PDF 报告</translation>
    </message>
    <message>
        <source>Take a snapshot of Hexhub&apos;s records (incidents, ...) as a dataset</source>
        <translation>将 Hexhub 自身的记录（警情等）快照为数据集</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::BigDataWall</name>
    <message>
        <source>hits waiting for a person</source>
        <translation>待人工研判的命中</translation>
    </message>
    <message>
        <source>the oldest has waited</source>
        <translation>最久的已等待</translation>
    </message>
    <message>
        <source>confirmed in 7 days</source>
        <translation>7天内确认</translation>
    </message>
    <message>
        <source>handed on in 7 days</source>
        <translation>7天内移交</translation>
    </message>
    <message numerus="yes">
        <source>rows held in %n dataset(s)</source>
        <translation>
            <numerusform>%n 个数据集中的记录行</numerusform>
        </translation>
    </message>
    <message>
        <source>datasets reaching their retention date within 30 days</source>
        <translation>30天内到期的数据集</translation>
    </message>
    <message>
        <source>No hit waiting</source>
        <translation>没有待研判的命中</translation>
    </message>
    <message>
        <source>Hit %1 (%2, score %3): %4</source>
        <translation>命中 %1（%2，得分 %3）：%4</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Colleague</name>
    <message>
        <source>Checked: an ordinary pattern, nothing to follow up</source>
        <translation>已核查：属常见模式，无需跟进</translation>
    </message>
    <message>
        <source>Checked against last month&apos;s: the same shop&apos;s usual trade</source>
        <translation>已与上月数据比对：系同一商户的日常交易</translation>
    </message>
    <message>
        <source>Asked the operator for the subscriber records</source>
        <translation>已向运营商调取用户登记资料</translation>
    </message>
    <message>
        <source>Waiting for the bank&apos;s answer on the accounts</source>
        <translation>正在等待银行对相关账户的答复</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Dashboard</name>
    <message>
        <source>hits found</source>
        <translation>发现的命中</translation>
    </message>
    <message>
        <source>waiting for a person now</source>
        <translation>当前待人工处理</translation>
    </message>
    <message>
        <source>runs overdue for review now</source>
        <translation>当前逾期未审核的运行</translation>
    </message>
    <message>
        <source>handed on as leads</source>
        <translation>已作为线索移交</translation>
    </message>
    <message>
        <source>median hours from run to decision</source>
        <translation>从运行到决定的中位小时数</translation>
    </message>
    <message>
        <source>datasets imported (%1 rows)</source>
        <translation>导入的数据集（%1 行）</translation>
    </message>
    <message>
        <source>Hits found per week</source>
        <translation>每周发现的命中</translation>
    </message>
    <message>
        <source>Hits found per day</source>
        <translation>每日发现的命中</translation>
    </message>
    <message>
        <source>Decisions on hits</source>
        <translation>命中的处理决定</translation>
    </message>
    <message>
        <source>Hits found by model</source>
        <translation>各模型发现的命中</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::DatasetPanel</name>
    <message>
        <source>Search the rows (masked values are searched as shown)</source>
        <translation>搜索记录行（脱敏值按显示内容搜索）</translation>
    </message>
    <message>
        <source>More rows</source>
        <translation>更多行</translation>
    </message>
    <message>
        <source>Reveal row (R)...</source>
        <translation>查看明文（R）...</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Why it was set aside</source>
        <translation>搁置原因</translation>
    </message>
    <message>
        <source>The line</source>
        <translation>原始行</translation>
    </message>
    <message>
        <source>Ro&amp;ws</source>
        <translation>记录行(&amp;W)</translation>
    </message>
    <message>
        <source>Ma&amp;pping</source>
        <translation>映射(&amp;P)</translation>
    </message>
    <message>
        <source>Set &amp;aside</source>
        <translation>搁置(&amp;A)</translation>
    </message>
    <message>
        <source>No dataset chosen</source>
        <translation>未选择数据集</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) from %1 (%2, %3), %4 set aside</source>
        <translation>
            <numerusform>%n 行，来自 %1（%2，%3），搁置 %4 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Origin: %1 · Legal basis: %2</source>
        <translation>来源：%1 · 法律依据：%2</translation>
    </message>
    <message>
        <source>Imported %1 by %2 · kept until %3, then purged</source>
        <translation>%1 由 %2 导入 · 保存至 %3，到期清除</translation>
    </message>
    <message>
        <source>yes, masked</source>
        <translation>是，已脱敏</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Set &amp;aside (%1)</source>
        <translation>搁置（%1）(&amp;A)</translation>
    </message>
    <message>
        <source>No row holds &quot;%1&quot; as shown.</source>
        <translation>没有记录行显示的内容包含“%1”。</translation>
    </message>
    <message>
        <source>Choose a row to reveal.</source>
        <translation>请选择要查看明文的行。</translation>
    </message>
    <message>
        <source>Reveal line %1</source>
        <translation>查看第 %1 行明文</translation>
    </message>
    <message>
        <source>Why do you need to see this row&apos;s personal data? The reason goes on the audit log.</source>
        <translation>为什么需要查看该行的个人信息？理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Revealed; on the audit log with your reason</source>
        <translation>已显示明文；连同理由记入审计日志</translation>
    </message>
    <message>
        <source>Row revealed; the reveal and your reason are on the audit log.</source>
        <translation>已显示该行明文；查看操作及理由已记入审计日志。</translation>
    </message>
    <message>
        <source>%1 (masked)</source>
        <translation>%1（已脱敏）</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::DatasetService</name>
    <message>
        <source>No dataset %1 (removed, or not finished importing).</source>
        <translation>没有数据集 %1（已删除，或尚未导入完成）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>import a dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <source>Name the dataset.</source>
        <translation>请为数据集命名。</translation>
    </message>
    <message>
        <source>Say where the records came from (a seizure, a warrant, a statutory return).</source>
        <translation>请说明记录来源（扣押、令状、法定报送）。</translation>
    </message>
    <message>
        <source>Give the legal basis on which the records are held.</source>
        <translation>请给出持有这些记录的法律依据。</translation>
    </message>
    <message>
        <source>The retention date must be in the future.</source>
        <translation>保存期限必须是将来的日期。</translation>
    </message>
    <message>
        <source>A dataset is kept at most ten years; choose an earlier retention date.</source>
        <translation>数据集最多保存十年；请选择更早的保存期限。</translation>
    </message>
    <message>
        <source>The mapping has no column.</source>
        <translation>映射中没有列。</translation>
    </message>
    <message>
        <source>Every column needs a name.</source>
        <translation>每一列都需要名称。</translation>
    </message>
    <message>
        <source>Two columns are named %1.</source>
        <translation>有两列都名为 %1。</translation>
    </message>
    <message>
        <source>An import needs a command id.</source>
        <translation>导入需要命令编号。</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n column(s); the mapping has %1.</source>
        <translation>
            <numerusform>文件有 %n 列；映射有 %1 列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No row of the file fits the mapping: nothing imported (%n row(s) set aside).</source>
        <translation>
            <numerusform>文件中没有符合映射的行：未导入任何内容（%n 行被搁置）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was removed meanwhile (by the purge of unfinished imports).</source>
        <translation>该导入已被清除（未完成导入的清理）。</translation>
    </message>
    <message>
        <source>%1 from %2: %3 rows, %4 set aside; origin %5; legal basis %6; kept until %7</source>
        <translation>%1，来自 %2：%3 行，搁置 %4 行；来源 %5；法律依据 %6；保存至 %7</translation>
    </message>
    <message>
        <source>see the personal data in a dataset</source>
        <translation>查看数据集中的个人信息</translation>
    </message>
    <message>
        <source>Give the reason you need to see the row; it goes on record.</source>
        <translation>请说明查看该行的理由；理由将被记录。</translation>
    </message>
    <message>
        <source>No row %1 in dataset %2.</source>
        <translation>数据集 %2 中没有第 %1 行。</translation>
    </message>
    <message>
        <source>run a model</source>
        <translation>运行模型</translation>
    </message>
    <message>
        <source>purge expired datasets</source>
        <translation>清理过期数据集</translation>
    </message>
    <message>
        <source>%1: an import left unfinished</source>
        <translation>%1：未完成的导入</translation>
    </message>
    <message>
        <source>%1: %2 rows, kept until %3</source>
        <translation>%1：%2 行，保存至 %3</translation>
    </message>
    <message>
        <source>There is no such snapshot of Hexhub&apos;s records.</source>
        <translation>没有这种 Hexhub 记录快照。</translation>
    </message>
    <message>
        <source>take %1 for analysis</source>
        <translation>提取%1用于分析</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>时段的结束早于开始。</translation>
    </message>
    <message>
        <source>The snapshot&apos;s column %1 has a type the centre does not know (%2).</source>
        <translation>快照的列 %1 的类型本中心无法识别（%2）。</translation>
    </message>
    <message>
        <source>The snapshot cannot be written to a temporary file: %1</source>
        <translation>无法将快照写入临时文件：%1</translation>
    </message>
    <message>
        <source>There is nothing of %1 in that period.</source>
        <translation>该时段内没有%1。</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Deadlines</name>
    <message>
        <source>Review the hits of %1 over %2</source>
        <translation>审核 %1 在 %2 上的命中</translation>
    </message>
    <message>
        <source>Look at hit %1 again with more data</source>
        <translation>补充数据后重新审核命中 %1</translation>
    </message>
    <message>
        <source>Purge dataset %1 at its retention date</source>
        <translation>到保存期限时清理数据集 %1</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::HitPanel</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>共用数</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Ties</source>
        <translation>关联(&amp;T)</translation>
    </message>
    <message>
        <source>R&amp;ows</source>
        <translation>记录行(&amp;O)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>More data</source>
        <translation>补充数据</translation>
    </message>
    <message>
        <source>To intelligence</source>
        <translation>移交情报</translation>
    </message>
    <message>
        <source>To the hub</source>
        <translation>移交指挥中心</translation>
    </message>
    <message>
        <source>C on the queue: confirm, with your reason</source>
        <translation>在队列中按 C：确认，并说明理由</translation>
    </message>
    <message>
        <source>X on the queue: dismiss, with your reason</source>
        <translation>在队列中按 X：排除，并说明理由</translation>
    </message>
    <message>
        <source>M on the queue: ask for more data, saying which</source>
        <translation>在队列中按 M：要求补充数据，并说明所需数据</translation>
    </message>
    <message>
        <source>I on the queue: a confirmed hit to criminal intelligence as a lead</source>
        <translation>在队列中按 I：将已确认的命中作为线索移交情报中心</translation>
    </message>
    <message>
        <source>H on the queue: a confirmed hit to the hub</source>
        <translation>在队列中按 H：将已确认的命中移交指挥中心</translation>
    </message>
    <message>
        <source>No hit chosen</source>
        <translation>未选择命中</translation>
    </message>
    <message>
        <source>Hit %1: %2</source>
        <translation>命中 %1：%2</translation>
    </message>
    <message>
        <source>Score %1 · %2 version %3 · %4</source>
        <translation>得分 %1 · %2 版本 %3 · %4</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 于 %2：%3</translation>
    </message>
    <message>
        <source>Handed on to %1</source>
        <translation>已移交%1</translation>
    </message>
    <message>
        <source>the hub</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <source>criminal intelligence</source>
        <translation>情报中心</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <source>%n identifier(s)</source>
        <translation>
            <numerusform>%n 个标识</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>R&amp;ows (%1 of %2)</source>
        <translation>记录行（%2 中的 %1）(&amp;O)</translation>
    </message>
    <message>
        <source>R&amp;ows (%1)</source>
        <translation>记录行（%1）(&amp;O)</translation>
    </message>
    <message>
        <source>Hit %1</source>
        <translation>命中 %1</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存...</translation>
    </message>
    <message>
        <source>Hit %1 is %2.</source>
        <translation>命中 %1 %2。</translation>
    </message>
    <message>
        <source>Why is this a real pattern? Your reason goes with the hit when it is handed on.</source>
        <translation>为什么这是真实的模式？移交时理由将随命中一并送出。</translation>
    </message>
    <message>
        <source>Why is this not what it looks like (a family, a cafe, a coincidence)?</source>
        <translation>为什么这并非表面所见（家庭、网吧、巧合）？</translation>
    </message>
    <message>
        <source>What data would decide it?</source>
        <translation>需要哪些数据才能判断？</translation>
    </message>
    <message>
        <source>Confirm the hit first, with your reason: nothing leaves the centre without a person&apos;s confirmation.</source>
        <translation>请先确认命中并说明理由：未经人工确认，任何内容都不会离开本中心。</translation>
    </message>
    <message>
        <source>Handing on...</source>
        <translation>正在移交...</translation>
    </message>
    <message>
        <source>Hit %1 went to the hub with its evidence.</source>
        <translation>命中 %1 已连同证据移交指挥中心。</translation>
    </message>
    <message>
        <source>Hit %1 went to criminal intelligence as a lead, with its evidence.</source>
        <translation>命中 %1 已作为线索连同证据移交情报中心。</translation>
    </message>
    <message>
        <source>Choose a hit first.</source>
        <translation>请先选择一条命中。</translation>
    </message>
    <message>
        <source>Save the hit as a PDF report</source>
        <translation>将命中保存为 PDF 报告</translation>
    </message>
    <message>
        <source>Hexhub · big-data investigation · hit %1 · personal data masked</source>
        <translation>Hexhub · 大数据侦查 · 命中 %1 · 个人信息已遮蔽</translation>
    </message>
    <message>
        <source>What the model found</source>
        <translation>模型发现的内容</translation>
    </message>
    <message>
        <source>The score, part by part</source>
        <translation>评分的逐项构成</translation>
    </message>
    <message>
        <source>The ring&apos;s members and what ties them</source>
        <translation>团伙成员及其关联标识</translation>
    </message>
    <message>
        <source>The rows behind it (masked)</source>
        <translation>所依据的数据行（已遮蔽）</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>观察到的内容</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加分</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Your answer on the pair: the same person</source>
        <translation>您对这对记录的判断：同一人</translation>
    </message>
    <message>
        <source>Your answer on the pair: different people</source>
        <translation>您对这对记录的判断：不同的人</translation>
    </message>
    <message>
        <source>Your answer on the pair: unsure</source>
        <translation>您对这对记录的判断：不确定</translation>
    </message>
    <message>
        <source>Answer kept. W learns the model&apos;s weights again from this run&apos;s answers.</source>
        <translation>判断已记录。按 W 根据本次运行的判断重新学习模型权重。</translation>
    </message>
    <message>
        <source>Learning the weights again from the answers...</source>
        <translation>正在根据判断重新学习权重……</translation>
    </message>
    <message>
        <source>%1 saved as version %2 with its weights learnt from the answers; Ctrl+R runs it again.</source>
        <translation>%1 已按判断重新学习权重并保存为第 %2 版；按 Ctrl+R 重新运行。</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::ImportDialog</name>
    <message>
        <source>Import a dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <source>A CSV or JSON Lines file; Enter reads it</source>
        <translation>CSV 或 JSON Lines 文件；按 Enter 读取</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt *.jsonl *.ndjson);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt *.jsonl *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date-time format</source>
        <translation>日期时间格式</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Seizure W-2026-0147, statutory return, public register ...</source>
        <translation>扣押 W-2026-0147、法定报送、公开登记……</translation>
    </message>
    <message>
        <source>The law or decision under which the records are held</source>
        <translation>持有这些记录所依据的法律或决定</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation>来源(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Legal basis</source>
        <translation>法律依据(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Kept until</source>
        <translation>保存至(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Each column&apos;s name, type and whether it holds personal data (masked in every view):</source>
        <translation>每列的名称、类型以及是否为个人信息（在所有视图中脱敏）：</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing of it was kept.</source>
        <translation>导入已取消；未保留任何内容。</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>正在读取 %1...</translation>
    </message>
    <message numerus="yes">
        <source>JSON Lines, %1; %n column(s)</source>
        <translation>
            <numerusform>JSON Lines，%1；%n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CSV, %1, delimiter %2, %3; %n column(s)</source>
        <translation>
            <numerusform>CSV，%1，分隔符 %2，%3；%n 列</numerusform>
        </translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>a header row</source>
        <translation>有表头行</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <source>Importing; Escape or Cancel stops it and keeps nothing.</source>
        <translation>正在导入；按 Esc 或“取消”可停止，且不保留任何内容。</translation>
    </message>
    <message>
        <source>Stopping the import...</source>
        <translation>正在停止导入...</translation>
    </message>
    <message>
        <source>Take a snapshot of Hexhub&apos;s records</source>
        <translation>快照 Hexhub 的记录</translation>
    </message>
    <message>
        <source>The records come through the module that keeps them, as far as your permissions allow, with their columns and types as that module gives them; personal data such as a caller&apos;s number is masked before it leaves the module. The dataset is then checked, stored, masked and kept like an imported file.</source>
        <translation>记录经由保管它们的模块提供，以您的权限为限，列和类型由该模块给出；报警人号码等个人信息在离开该模块前即已遮蔽。之后数据集与导入的文件一样经过校验、存储、遮蔽和保存。</translation>
    </message>
    <message>
        <source>%1 (needs the permission %2)</source>
        <translation>%1（需要权限 %2）</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>时段(&amp;P)</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1，%2 至 %3</translation>
    </message>
    <message>
        <source>Hexhub: %1</source>
        <translation>Hexhub：%1</translation>
    </message>
    <message>
        <source>No module offers its records for analysis.</source>
        <translation>没有模块提供可供分析的记录。</translation>
    </message>
    <message>
        <source>Choose the records to take.</source>
        <translation>请选择要提取的记录。</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Model</name>
    <message>
        <source>missing: a text, or an object of texts by language with at least &quot;en&quot;</source>
        <translation>缺少：应为文本，或按语言给出、至少含 &quot;en&quot; 的文本对象</translation>
    </message>
    <message>
        <source>expected a text or an object of texts by language</source>
        <translation>应为文本，或按语言给出的文本对象</translation>
    </message>
    <message>
        <source>not a language: use a locale name like en or zh_CN</source>
        <translation>不是语言：请使用 en 或 zh_CN 这样的区域名称</translation>
    </message>
    <message>
        <source>expected a text that is not empty</source>
        <translation>应为非空文本</translation>
    </message>
    <message>
        <source>needs an English text (&quot;en&quot;)</source>
        <translation>需要英文文本（&quot;en&quot;）</translation>
    </message>
    <message>
        <source>expected a column&apos;s name or &quot;$parameter&quot;</source>
        <translation>应为列名或 &quot;$参数&quot;</translation>
    </message>
    <message>
        <source>no parameter %1 is declared</source>
        <translation>未声明参数 %1</translation>
    </message>
    <message>
        <source>parameter %1 is not a column</source>
        <translation>参数 %1 不是列</translation>
    </message>
    <message>
        <source>expected all, any or score</source>
        <translation>应为 all、any 或 score</translation>
    </message>
    <message>
        <source>a score rule needs a threshold (the sum of weights a row must reach)</source>
        <translation>计分规则需要阈值（一行须达到的权重之和）</translation>
    </message>
    <message>
        <source>expected a list of at least one condition</source>
        <translation>应为至少包含一个条件的列表</translation>
    </message>
    <message>
        <source>expected an object with column, op and value</source>
        <translation>应为包含 column、op 和 value 的对象</translation>
    </message>
    <message>
        <source>expected one of %1</source>
        <translation>应为以下之一：%1</translation>
    </message>
    <message>
        <source>%1 needs a list of values</source>
        <translation>%1 需要值的列表</translation>
    </message>
    <message>
        <source>not a regular expression: %1</source>
        <translation>不是正则表达式：%1</translation>
    </message>
    <message>
        <source>expected a text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <source>expected a text or a number</source>
        <translation>应为文本或数字</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>expected a duration like 30m, 24h or 7d</source>
        <translation>应为 30m、24h 或 7d 这样的时长</translation>
    </message>
    <message>
        <source>expected a whole number of at least 2</source>
        <translation>应为不小于 2 的整数</translation>
    </message>
    <message>
        <source>expected a list of at least one field to compare</source>
        <translation>应为至少包含一个比较字段的列表</translation>
    </message>
    <message>
        <source>expected a probability between 0 and 1 (not 0 or 1)</source>
        <translation>应为 0 到 1 之间的概率（不含 0 和 1）</translation>
    </message>
    <message>
        <source>m (agreement among true matches) must be above u (agreement by chance)</source>
        <translation>m（真实匹配中的一致率）必须大于 u（偶然一致率）</translation>
    </message>
    <message>
        <source>expected at least one blocking rule (the columns a candidate pair must share), or every pair would be compared</source>
        <translation>至少需要一条分块规则（候选记录对必须相同的列），否则将比较所有记录对</translation>
    </message>
    <message>
        <source>expected a list of columns</source>
        <translation>应为列的列表</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>spike</source>
        <translation>突增</translation>
    </message>
    <message>
        <source>shared-identifier rings</source>
        <translation>共用标识团伙</translation>
    </message>
    <message>
        <source>geo-temporal clusters</source>
        <translation>时空聚集</translation>
    </message>
    <message>
        <source>entity resolution</source>
        <translation>实体识别</translation>
    </message>
    <message>
        <source>not JSON: %1 at line %2, column %3</source>
        <translation>不是 JSON：%1，位于第 %2 行第 %3 列</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>expected 1 (the model file format this version reads)</source>
        <translation>应为 1（本版本读取的模型文件格式）</translation>
    </message>
    <message>
        <source>expected 2 to 64 lower-case letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>应为 2 到 64 个小写字母、数字、&apos;_&apos; 或 &apos;-&apos;，以字母或数字开头</translation>
    </message>
    <message>
        <source>expected a whole number of at least 1</source>
        <translation>应为不小于 1 的整数</translation>
    </message>
    <message>
        <source>expected one of rule, spike, rings, geo_temporal, entity_resolution</source>
        <translation>应为 rule、spike、rings、geo_temporal、entity_resolution 之一</translation>
    </message>
    <message>
        <source>expected an object of parameters by name</source>
        <translation>应为按名称给出参数的对象</translation>
    </message>
    <message>
        <source>a parameter&apos;s name is lower-case letters, digits and &apos;_&apos;, starting with a letter</source>
        <translation>参数名由小写字母、数字和 &apos;_&apos; 组成，以字母开头</translation>
    </message>
    <message>
        <source>expected an object with type and default</source>
        <translation>应为包含 type 和 default 的对象</translation>
    </message>
    <message>
        <source>expected one of column, columns, integer, number, text, choice, duration</source>
        <translation>应为 column、columns、integer、number、text、choice、duration 之一</translation>
    </message>
    <message>
        <source>a choice needs its list of choices</source>
        <translation>选项类参数需要选项列表</translation>
    </message>
    <message>
        <source>a %1 model needs the parameter %2 (%3)</source>
        <translation>%1 模型需要参数 %2（%3）</translation>
    </message>
    <message>
        <source>a %1 model reads %2 as %3</source>
        <translation>%1 模型按 %3 读取 %2</translation>
    </message>
    <message>
        <source>a spike&apos;s method is ewma or seasonal, not %1</source>
        <translation>突增模型的方法为 ewma 或 seasonal，而不是 %1</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>expected size, kinds, ties, density or full_size</source>
        <translation>应为 size、kinds、ties、density 或 full_size</translation>
    </message>
    <message>
        <source>expected a number of at least 0</source>
        <translation>应为不小于 0 的数字</translation>
    </message>
    <message>
        <source>not a key of a model file</source>
        <translation>不是模型文件的键</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is over 1 MB: not a model file</source>
        <translation>%1 超过 1 MB：不是模型文件</translation>
    </message>
    <message>
        <source>no bundled model %1; the bundled models are %2, or give a model file&apos;s path</source>
        <translation>没有内置模型 %1；内置模型为 %2，或请给出模型文件路径</translation>
    </message>
    <message>
        <source>the model has no such parameter; its parameters are %1</source>
        <translation>模型没有此参数；其参数为 %1</translation>
    </message>
    <message>
        <source>expected a column&apos;s name</source>
        <translation>应为列名</translation>
    </message>
    <message>
        <source>no column %1; the columns are %2</source>
        <translation>没有列 %1；现有列为 %2</translation>
    </message>
    <message>
        <source>needed and has no default</source>
        <translation>必须给出，且没有默认值</translation>
    </message>
    <message>
        <source>expected one or more column names (a,b,c)</source>
        <translation>应为一个或多个列名（a,b,c）</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>%1 is outside %2 to %3</source>
        <translation>%1 超出 %2 到 %3 的范围</translation>
    </message>
    <message>
        <source>expected a duration like 30m, 1h or 7d</source>
        <translation>应为 30m、1h 或 7d 这样的时长</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::ModelRun</name>
    <message>
        <source>The run was cancelled.</source>
        <translation>运行已取消。</translation>
    </message>
    <message>
        <source>no column %1; the columns are %2</source>
        <translation>没有列 %1；现有列为 %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows of %2 within %3</source>
        <translation>%3 内同一 %2 的 %1 行</translation>
    </message>
    <message>
        <source>at least %1 needed</source>
        <translation>至少需要 %1</translation>
    </message>
    <message>
        <source>the bucket must be a duration like 1h</source>
        <translation>时间段必须是 1h 这样的时长</translation>
    </message>
    <message>
        <source>a seasonal spike needs a season that is a whole number of buckets, at least two</source>
        <translation>季节性突增需要的周期必须是时间段的整数倍，至少两个</translation>
    </message>
    <message>
        <source>expected from its own history</source>
        <translation>依其自身历史的预期</translation>
    </message>
    <message>
        <source>above expectation</source>
        <translation>超出预期</translation>
    </message>
    <message>
        <source>%1 %2: shared by %3 entities, more than %4, left out as common (a cafe, a shared office, a public number)</source>
        <translation>%1 %2：被 %3 个主体共用，超过 %4，视为公共标识排除（网吧、共享办公室、公共号码）</translation>
    </message>
    <message numerus="yes">
        <source>%n more identifier(s) left out as common</source>
        <translation>
            <numerusform>另有 %n 个标识视为公共标识排除</numerusform>
        </translation>
    </message>
    <message>
        <source>members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>kinds of identifier that tie them</source>
        <translation>关联成员的标识种类</translation>
    </message>
    <message>
        <source>identifiers per member</source>
        <translation>人均标识数</translation>
    </message>
    <message>
        <source>pairs of members tied directly</source>
        <translation>直接关联的成员对</translation>
    </message>
    <message>
        <source>the radius and the window must be above zero</source>
        <translation>半径和时间窗必须大于零</translation>
    </message>
    <message>
        <source>records with enough neighbours (core)</source>
        <translation>相邻记录足够的记录（核心点）</translation>
    </message>
    <message>
        <source>records reached from them (border)</source>
        <translation>由核心点到达的记录（边界点）</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) on %1 over %2 rows left out (too common to tell people apart)</source>
        <translation>
            <numerusform>按 %1 分块时有 %n 个分块超过 %2 行，已排除（过于常见，无法区分人员）</numerusform>
        </translation>
    </message>
    <message>
        <source>prior: two records are rarely the same</source>
        <translation>先验：两条记录很少属于同一人</translation>
    </message>
    <message>
        <source>lines %1 and %2</source>
        <translation>第 %1 行和第 %2 行</translation>
    </message>
    <message>
        <source>Only an entity-resolution model learns from answers.</source>
        <translation>只有实体识别模型会从判断中学习。</translation>
    </message>
    <message>
        <source>No answer to learn from: unsure answers count for nothing.</source>
        <translation>没有可学习的判断：&quot;不确定&quot;不计入。</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Line %1 meets %2 of %3 conditions</source>
        <translation>第 %1 行满足 %3 个条件中的 %2 个</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n row(s)</source>
        <translation>
            <numerusform>%1 %2：%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>spread %1</source>
        <translation>离散度 %1</translation>
    </message>
    <message>
        <source>z = %1 (threshold %2)</source>
        <translation>z = %1（阈值 %2）</translation>
    </message>
    <message>
        <source>%1 %2: %3 records in one bucket where %4 were expected</source>
        <translation>%1 %2：一个时间段内 %3 条记录，预期 %4 条</translation>
    </message>
    <message>
        <source>%1 members (full marks at %2)</source>
        <translation>%1 名成员（%2 名为满分）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 种中的 %1 种</translation>
    </message>
    <message>
        <source>%1 on average</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>%1% of pairs</source>
        <translation>占成员对的 %1%</translation>
    </message>
    <message>
        <source>A ring of %1 entities (%2) tied by %3 shared identifiers</source>
        <translation>由 %3 个共用标识关联的 %1 个主体（%2）组成的团伙</translation>
    </message>
    <message>
        <source>%1 within %2 m and %3</source>
        <translation>%2 米和 %3 内 %1 条</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) within %1 m of one another&apos;s place and time</source>
        <translation>
            <numerusform>%n 条记录在地点和时间上彼此相距 %1 米以内</numerusform>
        </translation>
    </message>
    <message>
        <source>1 in %1</source>
        <translation>%1 分之一</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>agree: %1</source>
        <translation>一致：%1</translation>
    </message>
    <message>
        <source>differ: %1 / %2</source>
        <translation>不同：%1 / %2</translation>
    </message>
    <message>
        <source>match weight (bits)</source>
        <translation>匹配权重（比特）</translation>
    </message>
    <message>
        <source>Lines %1 and %2 are the same with probability %3</source>
        <translation>第 %1 行和第 %2 行为同一对象的概率为 %3</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::ModelService</name>
    <message>
        <source>No model run %1.</source>
        <translation>没有模型运行 %1。</translation>
    </message>
    <message>
        <source>No hit %1.</source>
        <translation>没有命中 %1。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>needs more data</source>
        <translation>需补充数据</translation>
    </message>
    <message>
        <source>handed on</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>see the models</source>
        <translation>查看模型</translation>
    </message>
    <message>
        <source>save a model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>The model has problems:
%1</source>
        <translation>模型存在问题：
%1</translation>
    </message>
    <message>
        <source>The saved model is gone.</source>
        <translation>已保存的模型不存在。</translation>
    </message>
    <message>
        <source>The model could not be saved.</source>
        <translation>模型无法保存。</translation>
    </message>
    <message>
        <source>run a model</source>
        <translation>运行模型</translation>
    </message>
    <message>
        <source>A run needs a command id.</source>
        <translation>运行需要命令编号。</translation>
    </message>
    <message>
        <source>No dataset %1 (removed, or not finished importing).</source>
        <translation>没有数据集 %1（已删除，或尚未导入完成）。</translation>
    </message>
    <message>
        <source>%1 version %2 over %3: %4 rows, %5 hits</source>
        <translation>%1 版本 %2 运行于 %3：%4 行，%5 条命中</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>see the runs</source>
        <translation>查看运行记录</translation>
    </message>
    <message>
        <source>see the hits</source>
        <translation>查看命中</translation>
    </message>
    <message>
        <source>review a model&apos;s hit</source>
        <translation>研判模型命中</translation>
    </message>
    <message>
        <source>A hit is confirmed, dismissed or marked as needing more data.</source>
        <translation>命中只能确认、排除或标记为需补充数据。</translation>
    </message>
    <message>
        <source>Give the reason for your decision; it goes on record with the hit.</source>
        <translation>请说明判断理由；理由将随命中一并记录。</translation>
    </message>
    <message>
        <source>This hit was handed on already; its review stands.</source>
        <translation>该命中已移交；研判结论不可更改。</translation>
    </message>
    <message>
        <source>Another analyst reviewed this hit meanwhile; look at it again.</source>
        <translation>其他分析员已研判该命中；请重新查看。</translation>
    </message>
    <message>
        <source>hand a hit on</source>
        <translation>移交命中</translation>
    </message>
    <message>
        <source>A hit goes to criminal intelligence or to the hub.</source>
        <translation>命中只能移交情报中心或指挥中心。</translation>
    </message>
    <message>
        <source>Only a hit a person confirmed is handed on; confirm it first, with your reason.</source>
        <translation>只有经人工确认的命中才能移交；请先确认并说明理由。</translation>
    </message>
    <message>
        <source>Another analyst changed this hit meanwhile; look at it again.</source>
        <translation>其他分析员已修改该命中；请重新查看。</translation>
    </message>
    <message>
        <source>answer on a pair</source>
        <translation>判断记录对</translation>
    </message>
    <message>
        <source>Only a pair of an entity-resolution model takes a same, different or unsure answer.</source>
        <translation>只有实体消解模型的记录对可以判断为同一人、不同的人或不确定。</translation>
    </message>
    <message>
        <source>learn a model&apos;s weights again</source>
        <translation>重新学习模型权重</translation>
    </message>
    <message>
        <source>The run&apos;s dataset is gone: its pairs cannot be compared again.</source>
        <translation>该运行的数据集已删除，无法重新比较其记录对。</translation>
    </message>
    <message>
        <source>The run&apos;s model cannot be read.</source>
        <translation>无法读取该运行的模型。</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Records</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>decimal</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1：&quot;%2&quot; 不是整数</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1：&quot;%2&quot; 不是数字</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date and time (yyyy-MM-dd HH:mm)</source>
        <translation>%1：&quot;%2&quot; 不是日期时间（yyyy-MM-dd HH:mm）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; does not match the format %3</source>
        <translation>%1：&quot;%2&quot; 不符合格式 %3</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a phone number</source>
        <translation>%1：&quot;%2&quot; 不是电话号码</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an ID number</source>
        <translation>%1：&quot;%2&quot; 不是身份证号</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::RingGraph</name>
    <message>
        <source>Not a ring</source>
        <translation>不是团伙</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 名成员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::RunDialog</name>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>No dataset yet: import one first (Ctrl+I).</source>
        <translation>还没有数据集：请先导入（Ctrl+I）。</translation>
    </message>
    <message>
        <source>The run was cancelled; it is kept as cancelled, with no hit.</source>
        <translation>运行已取消；记录为已取消，没有命中。</translation>
    </message>
    <message>
        <source>Running; Escape or Cancel stops it.</source>
        <translation>正在运行；按 Esc 或“取消”可停止。</translation>
    </message>
    <message>
        <source>Stopping the run...</source>
        <translation>正在停止运行...</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::TabularFile</name>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8 or GB18030: it holds NUL bytes (a binary file, or UTF-16).</source>
        <translation>文件不是 UTF-8 或 GB18030 文本：其中含有 NUL 字节（二进制文件或 UTF-16）。</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8, and GB18030 cannot be read on this system.</source>
        <translation>文件不是有效的 UTF-8，且本系统无法读取 GB18030。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text.</source>
        <translation>文件既不是 UTF-8 文本，也不是 GB18030 文本。</translation>
    </message>
    <message>
        <source>The file is one JSON document, not CSV or JSON Lines (one object a line).</source>
        <translation>文件是单个 JSON 文档，不是 CSV 或 JSON Lines（每行一个对象）。</translation>
    </message>
    <message>
        <source>The file was given as CSV but is JSON Lines (its first line is a JSON object).</source>
        <translation>文件被指定为 CSV，但实际是 JSON Lines（第一行是 JSON 对象）。</translation>
    </message>
    <message>
        <source>The file was given as JSON Lines but its first line is not a JSON object.</source>
        <translation>文件被指定为 JSON Lines，但第一行不是 JSON 对象。</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>The file has more than %1 rows.</source>
        <translation>文件超过 %1 行。</translation>
    </message>
    <message>
        <source>No line of the file is a JSON object.</source>
        <translation>文件中没有任何一行是 JSON 对象。</translation>
    </message>
    <message>
        <source>The file has no row.</source>
        <translation>文件中没有数据行。</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>a quoted field is not closed before the end of the file</source>
        <translation>引号括起的字段到文件末尾仍未闭合</translation>
    </message>
    <message>
        <source>%1 fields where the file has %2</source>
        <translation>有 %1 个字段，而文件应为 %2 个</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Text</name>
    <message>
        <source>Dataset %1 imported: %2 rows, %3 set aside (%4)</source>
        <translation>数据集 %1 已导入：%2 行，搁置 %3 行（%4）</translation>
    </message>
    <message>
        <source>Dataset %1 purged after its retention date (%2 rows)</source>
        <translation>数据集 %1 已过保存期限并被清除（%2 行）</translation>
    </message>
    <message>
        <source>Model %1 saved as version %2</source>
        <translation>模型 %1 已保存为版本 %2</translation>
    </message>
    <message>
        <source>Model %1 over %2: %3, %4 hits</source>
        <translation>模型 %1 运行于 %2：%3，%4 条命中</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) to review</source>
        <translation>
            <numerusform>%n 条命中待研判</numerusform>
        </translation>
    </message>
    <message>
        <source>Hit %1 %2: %3</source>
        <translation>命中 %1 %2：%3</translation>
    </message>
    <message>
        <source>Hit %1 handed to the hub: %2</source>
        <translation>命中 %1 已移交指挥中心：%2</translation>
    </message>
    <message>
        <source>Hit %1 handed to criminal intelligence as a lead: %2</source>
        <translation>命中 %1 已作为线索移交情报中心：%2</translation>
    </message>
    <message>
        <source>A confirmed big-data hit for the hub</source>
        <translation>一条经确认的大数据命中移交指挥中心</translation>
    </message>
    <message>
        <source>A confirmed big-data lead</source>
        <translation>一条经确认的大数据线索</translation>
    </message>
    <message>
        <source>%1 (score %2, %3): %4</source>
        <translation>%1（得分 %2，%3）：%4</translation>
    </message>
    <message>
        <source>Hit %1</source>
        <translation>命中 %1</translation>
    </message>
    <message>
        <source>%1 · score %2 · %3</source>
        <translation>%1 · 得分 %2 · %3</translation>
    </message>
    <message>
        <source>Dataset %1</source>
        <translation>数据集 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Hit %1 answered: %2</source>
        <translation>命中 %1 已判断：%2</translation>
    </message>
    <message>
        <source>the same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <source>different people</source>
        <translation>不同的人</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>不确定</translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::WaterfallChart</name>
    <message>
        <source>No breakdown</source>
        <translation>无分项</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CaseDesk</name>
    <message>
        <source>criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <source>administrative</source>
        <translation>行政</translation>
    </message>
    <message>
        <source>A summons (12 hours; 24 approved as serious)</source>
        <translation>传唤（12 小时；经批准案情重大的 24 小时）</translation>
    </message>
    <message>
        <source>Administrative questioning (8 hours; 24 when detention is likely)</source>
        <translation>行政询问查证（8 小时；可能适用拘留的 24 小时）</translation>
    </message>
    <message>
        <source>Criminal detention (transfer, family, first interrogation: 24 hours each; the arrest request: 3 days)</source>
        <translation>刑事拘留（送看守所、通知家属、首次讯问：各 24 小时；提请逮捕：3 日）</translation>
    </message>
    <message>
        <source>The arrest requested (the procuratorate decides within 7 days)</source>
        <translation>已提请逮捕（检察院 7 日内决定）</translation>
    </message>
    <message>
        <source>Ordinary (1 to 4 days)</source>
        <translation>一般（1 至 4 日）</translation>
    </message>
    <message>
        <source>A roving suspect (to 30 days in all)</source>
        <translation>流窜作案嫌疑人（总计至 30 日）</translation>
    </message>
    <message>
        <source>A repeat suspect (to 30 days in all)</source>
        <translation>多次作案嫌疑人（总计至 30 日）</translation>
    </message>
    <message>
        <source>A gang suspect (to 30 days in all)</source>
        <translation>结伙作案嫌疑人（总计至 30 日）</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>RUN OUT %1 ago</source>
        <translation>已超期 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个案件</numerusform>
        </translation>
    </message>
    <message>
        <source>Next limit</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Fast track</source>
        <translation>速裁</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <source>48 h</source>
        <translation>48 小时</translation>
    </message>
    <message>
        <source>Search by case number or title (Ctrl+F)</source>
        <translation>按案件编号或标题搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>A limit due within a day, or run out</source>
        <translation>一天内到期或已超期的时限</translation>
    </message>
    <message>
        <source>On the fast track</source>
        <translation>速裁案件</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Every case</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Opening a case needs the case permission.</source>
        <translation>立案需要案件权限。</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>&amp;Path</source>
        <translation>程序(&amp;P)</translation>
    </message>
    <message>
        <source>Criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>行政</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>What happened, where (3 to 200 characters)</source>
        <translation>发生了什么，在哪里（3 至 200 个字符）</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>简要案情(&amp;S)</translation>
    </message>
    <message>
        <source>What is known so far</source>
        <translation>目前掌握的情况</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>警情(&amp;I)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Fast track: a minor case with a guilty plea (48 hours)</source>
        <translation>速裁(&amp;F)：认罪认罚的轻微案件（48 小时）</translation>
    </message>
    <message>
        <source>Case %1 opened.</source>
        <translation>案件 %1 已立案。</translation>
    </message>
    <message>
        <source>The case is kept on this desk until the server is back; it is opened then.</source>
        <translation>该案件已保留在本席位，待服务器恢复后立案。</translation>
    </message>
    <message>
        <source>The likely s&amp;entence is within three years</source>
        <translation>可能判处三年以下刑罚(&amp;E)</translation>
    </message>
    <message>
        <source>The suspect&apos;s guilty &amp;plea was accepted</source>
        <translation>嫌疑人认罪认罚已被接受(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Grounds</source>
        <translation>依据(&amp;G)</translation>
    </message>
    <message>
        <source>The facts, the evidence, the plea: on record</source>
        <translation>事实、证据、认罪情况：记录在案</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CaseManagementModule</name>
    <message>
        <source>Case management</source>
        <translation>案件管理</translation>
    </message>
    <message>
        <source>Case lifecycle, people in custody with safety timers, seized property and appraisal, fast track, deadlines.</source>
        <translation>案件全流程、在押人员及安全计时、涉案财物与鉴定、快速办理、办案期限。</translation>
    </message>
    <message>
        <source>Custody suite</source>
        <translation>办案区</translation>
    </message>
    <message>
        <source>Book a person into the custody suite</source>
        <translation>人员进入办案区登记</translation>
    </message>
    <message>
        <source>Welfare check of the person in view</source>
        <translation>巡查当前人员</translation>
    </message>
    <message>
        <source>Take the person in view to another room</source>
        <translation>将当前人员带至其他房间</translation>
    </message>
    <message>
        <source>Start or end the interview of the person in view</source>
        <translation>开始或结束对当前人员的讯问</translation>
    </message>
    <message>
        <source>Record a meal, rest or care given to the person in view</source>
        <translation>记录向当前人员提供的饮食、休息或照料</translation>
    </message>
    <message>
        <source>Assess the risk of the person in view again</source>
        <translation>重新评估当前人员的风险</translation>
    </message>
    <message>
        <source>Keep the person in view apart from another</source>
        <translation>将当前人员与他人分开看管</translation>
    </message>
    <message>
        <source>Release, transfer or hand over the person in view</source>
        <translation>释放、移送或移交当前人员</translation>
    </message>
    <message>
        <source>Save the custody record of the person in view as a PDF</source>
        <translation>将当前人员的办案区记录保存为 PDF</translation>
    </message>
    <message>
        <source>Export the custody list in view as CSV</source>
        <translation>将当前办案区名单导出为 CSV</translation>
    </message>
    <message>
        <source>Custody dashboard</source>
        <translation>办案区仪表板</translation>
    </message>
    <message>
        <source>Cases and custody</source>
        <translation>案件与办案区</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Move the case in view to its next stage</source>
        <translation>将当前案件转入下一阶段</translation>
    </message>
    <message>
        <source>Close the case in view, with the reason</source>
        <translation>结案当前案件，并说明理由</translation>
    </message>
    <message>
        <source>Approve a stage or an extension of the case in view</source>
        <translation>批准当前案件的阶段或时限延长</translation>
    </message>
    <message>
        <source>Start the limits of a summons, questioning, detention or an arrest request</source>
        <translation>启动传唤、询问、拘留或提请逮捕的时限</translation>
    </message>
    <message>
        <source>Record a limit of the case in view as met</source>
        <translation>登记当前案件的某项时限已办结</translation>
    </message>
    <message>
        <source>Extend an arrest request or an administrative case&apos;s limit</source>
        <translation>延长提请逮捕或行政案件的时限</translation>
    </message>
    <message>
        <source>Export the case list in view as CSV</source>
        <translation>将当前案件列表导出为 CSV</translation>
    </message>
    <message>
        <source>Save the case file of the case in view as a PDF</source>
        <translation>将当前案件的案卷保存为 PDF</translation>
    </message>
    <message>
        <source>Put the case in view on the 48-hour fast track</source>
        <translation>将当前案件纳入48小时快速办理</translation>
    </message>
    <message>
        <source>Save the case file and status for the prosecution and the court</source>
        <translation>保存供检察院和法院使用的案卷和状态文件</translation>
    </message>
    <message>
        <source>Request an escort of a person in custody</source>
        <translation>为在押人员申请押解</translation>
    </message>
    <message>
        <source>Assign a crew to the escort in view</source>
        <translation>为当前押解指派押解组</translation>
    </message>
    <message>
        <source>Record the escort in view as departed</source>
        <translation>记录当前押解已出发</translation>
    </message>
    <message>
        <source>Record the escort in view as arrived</source>
        <translation>记录当前押解已到达</translation>
    </message>
    <message>
        <source>Cancel the escort in view</source>
        <translation>取消当前押解</translation>
    </message>
    <message>
        <source>Show the escort team&apos;s board</source>
        <translation>显示押解队看板</translation>
    </message>
    <message>
        <source>Open the guidelines library, the case in view&apos;s stage first</source>
        <translation>打开执法指引库，当前案件所处阶段的指引优先</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CasePanel</name>
    <message>
        <source>Path</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <source>Next limit</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最近一步</translation>
    </message>
    <message>
        <source>People held</source>
        <translation>在押人员</translation>
    </message>
    <message>
        <source>Next stage (M)</source>
        <translation>下一阶段 (M)</translation>
    </message>
    <message>
        <source>Close (X)</source>
        <translation>结案 (X)</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>批准 (A)</translation>
    </message>
    <message>
        <source>Start limits (S)</source>
        <translation>启动时限 (S)</translation>
    </message>
    <message>
        <source>Limit met (T)</source>
        <translation>时限办结 (T)</translation>
    </message>
    <message>
        <source>Extend (E)</source>
        <translation>延长 (E)</translation>
    </message>
    <message>
        <source>Statutory limits</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>For</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>No case in view</source>
        <translation>未选择案件</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 case · on the 48-hour fast track</source>
        <translation>%1案件 · 48 小时速裁</translation>
    </message>
    <message>
        <source>%1 case</source>
        <translation>%1案件</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，由 %2</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>incident %1</source>
        <translation>警情 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1，于 %2</translation>
    </message>
    <message>
        <source>no limit running</source>
        <translation>无进行中的时限</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1，自 %2</translation>
    </message>
    <message>
        <source>%1 since %2: %3</source>
        <translation>%1，自 %2：%3</translation>
    </message>
    <message>
        <source>the move to %1</source>
        <translation>转入%1</translation>
    </message>
    <message>
        <source>the extension of limit %1</source>
        <translation>延长时限 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>in the suite</source>
        <translation>在办案区</translation>
    </message>
    <message>
        <source>left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · extended by %2</source>
        <translation>%1 · 已延长 %2</translation>
    </message>
    <message>
        <source>Case %1 is closed.</source>
        <translation>案件 %1 已结案。</translation>
    </message>
    <message>
        <source>Approving needs the hub&apos;s approval permission.</source>
        <translation>审批需要中心的审批权限。</translation>
    </message>
    <message>
        <source>Changing a case needs the case permission; you may look.</source>
        <translation>更改案件需要案件权限；您可以查看。</translation>
    </message>
    <message>
        <source>No limit of case %1 is running.</source>
        <translation>案件 %1 没有进行中的时限。</translation>
    </message>
    <message>
        <source>Only a running arrest request or an administrative case&apos;s 30 days are extended.</source>
        <translation>只有进行中的提请逮捕时限或行政案件的 30 日期限可以延长。</translation>
    </message>
    <message>
        <source>Move case %1</source>
        <translation>流转案件 %1</translation>
    </message>
    <message>
        <source>Now %1.</source>
        <translation>当前：%1。</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>转入(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Why (needed to close the case)</source>
        <translation>理由（结案时必填）</translation>
    </message>
    <message>
        <source>No approval needed.</source>
        <translation>无需审批。</translation>
    </message>
    <message>
        <source>Approved by %1 at %2; the move uses it.</source>
        <translation>%1 已于 %2 批准；本次流转使用该批准。</translation>
    </message>
    <message>
        <source>Needs an approval someone else gave first (A, by the hub&apos;s duty commander).</source>
        <translation>需先由他人批准（A，由中心值班指挥长批准）。</translation>
    </message>
    <message>
        <source>Case %1 is now %2.</source>
        <translation>案件 %1 现为%2。</translation>
    </message>
    <message>
        <source>Approve for case %1</source>
        <translation>案件 %1 审批</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>The move to %1</source>
        <translation>转入%1</translation>
    </message>
    <message>
        <source>Extending: %1 (due %2)</source>
        <translation>延长：%1（%2 到期）</translation>
    </message>
    <message>
        <source>Nothing of case %1 waits for an approval now.</source>
        <translation>案件 %1 目前没有待审批事项。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>What the approval rests on</source>
        <translation>批准依据</translation>
    </message>
    <message>
        <source>Someone else uses it: four eyes.</source>
        <translation>由他人使用：双人把关。</translation>
    </message>
    <message>
        <source>Approved for case %1: %2.</source>
        <translation>案件 %1 已批准：%2。</translation>
    </message>
    <message>
        <source>Start the limits of case %1</source>
        <translation>启动案件 %1 的时限</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>发生事项(&amp;W)</translation>
    </message>
    <message>
        <source>Approved as serious, or detention likely (24 hours)</source>
        <translation>经批准案情重大，或可能适用拘留（24 小时）</translation>
    </message>
    <message>
        <source>Who, and on what decision</source>
        <translation>何人，依据何种决定</translation>
    </message>
    <message numerus="yes">
        <source>%n limit(s) started for case %1.</source>
        <translation>
            <numerusform>已为案件 %1 启动 %n 项时限。</numerusform>
        </translation>
    </message>
    <message>
        <source>A limit of case %1 met</source>
        <translation>案件 %1 的时限已办结</translation>
    </message>
    <message>
        <source>&amp;Limit</source>
        <translation>时限(&amp;L)</translation>
    </message>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1（%2 到期）</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>已办(&amp;D)</translation>
    </message>
    <message>
        <source>What was done, and when</source>
        <translation>做了什么，何时</translation>
    </message>
    <message>
        <source>Choose a running limit.</source>
        <translation>请选择一项进行中的时限。</translation>
    </message>
    <message>
        <source>Met: %1.</source>
        <translation>已办结：%1。</translation>
    </message>
    <message>
        <source>Extend a limit of case %1</source>
        <translation>延长案件 %1 的时限</translation>
    </message>
    <message>
        <source>%1 (due %2)%3</source>
        <translation>%1（%2 到期）%3</translation>
    </message>
    <message>
        <source>, approved</source>
        <translation>，已批准</translation>
    </message>
    <message>
        <source>, not approved yet</source>
        <translation>，尚未批准</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>延长(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Ground</source>
        <translation>理由类别(&amp;G)</translation>
    </message>
    <message>
        <source>Why the limit is extended</source>
        <translation>延长时限的理由</translation>
    </message>
    <message>
        <source>Choose a limit to extend.</source>
        <translation>请选择要延长的时限。</translation>
    </message>
    <message>
        <source>Extended: now due %1.</source>
        <translation>已延长：现于 %1 到期。</translation>
    </message>
    <message>
        <source>Case file PDF (P)</source>
        <translation>案卷 PDF (P)</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>请先选择案件。</translation>
    </message>
    <message>
        <source>Save the case file as a PDF</source>
        <translation>将案卷保存为 PDF</translation>
    </message>
    <message>
        <source>case-file-%1.pdf</source>
        <translation>案卷-%1.pdf</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>People held (masked)</source>
        <translation>在押人员（已脱敏）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>手环</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Case file %1: %2</source>
        <translation>案卷 %1：%2</translation>
    </message>
    <message>
        <source>Hexhub · case management · case file %1 · personal data masked</source>
        <translation>Hexhub · 案件管理 · 案卷 %1 · 个人信息已脱敏</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>left %1</source>
        <translation>%1 离开</translation>
    </message>
    <message>
        <source>No limit has run for this case.</source>
        <translation>本案尚无时限。</translation>
    </message>
    <message>
        <source>No approval was given.</source>
        <translation>未作任何审批。</translation>
    </message>
    <message>
        <source>Nobody was held for this case.</source>
        <translation>本案无在押人员。</translation>
    </message>
    <message>
        <source>Due, or how it ended</source>
        <translation>到期时间或办结情况</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>a limit and the wristband of whom it runs for</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Started %1 by %2; due %3</source>
        <translation>%1 由 %2 启动；%3 到期</translation>
    </message>
    <message>
        <source>The case chosen is still being read; press the key again in a moment.</source>
        <translation>所选案件仍在读取，请稍后再按一次。</translation>
    </message>
    <message>
        <source>Your own approval does not count: someone else must approve (A, the hub&apos;s duty commander).</source>
        <translation>本人的批准无效：须由他人批准（A，中心值班指挥长）。</translation>
    </message>
    <message>
        <source>Kept on this desk until the server is back; it is sent then.</source>
        <translation>已保留在本席位，待服务器恢复后发送。</translation>
    </message>
    <message>
        <source> (approved already by %1)</source>
        <translation>（已由 %1 批准）</translation>
    </message>
    <message>
        <source> days</source>
        <comment>the suffix of a number of days, 1 to 30</comment>
        <translation> 日</translation>
    </message>
    <message>
        <source>Fast track (F)</source>
        <translation>快速办理 (F)</translation>
    </message>
    <message>
        <source>Package for partners (G)</source>
        <translation>移送材料包 (G)</translation>
    </message>
    <message>
        <source>%1 case · on the 48-hour fast track since %2: %3</source>
        <translation>%1案件 · 自 %2 起适用48小时快速办理：%3</translation>
    </message>
    <message>
        <source>Case %1 is on the fast track already.</source>
        <translation>案件 %1 已在快速办理中。</translation>
    </message>
    <message>
        <source>Only a criminal case not yet referred to the procuratorate takes the fast track.</source>
        <translation>只有尚未移送检察院的刑事案件可以进入快速办理。</translation>
    </message>
    <message>
        <source>Put case %1 on the 48-hour fast track</source>
        <translation>将案件 %1 纳入48小时快速办理</translation>
    </message>
    <message>
        <source>The likely &amp;sentence is within three years</source>
        <translation>可能判处三年以下刑罚(&amp;S)</translation>
    </message>
    <message>
        <source>The suspect&apos;s guilty &amp;plea was accepted</source>
        <translation>嫌疑人认罪认罚已被接受(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Grounds</source>
        <translation>依据(&amp;G)</translation>
    </message>
    <message>
        <source>The facts, the evidence, the plea: on record</source>
        <translation>事实、证据、认罪情况：记录在案</translation>
    </message>
    <message>
        <source>Case %1 is on the fast track: investigated, prosecuted and tried within 48 hours.</source>
        <translation>案件 %1 已进入快速办理：48小时内完成侦查、起诉和审判。</translation>
    </message>
    <message>
        <source>Save the package for the prosecution and the court</source>
        <translation>保存移送检察院和法院的材料包</translation>
    </message>
    <message>
        <source>case-package-%1.pdf</source>
        <translation>移送材料包-%1.pdf</translation>
    </message>
    <message>
        <source>The status document could not be written to %1: %2</source>
        <translation>无法将状态文件写入 %1：%2</translation>
    </message>
    <message>
        <source>Guidelines (H)</source>
        <translation>执法指引 (H)</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CaseService</name>
    <message>
        <source>No case %1.</source>
        <translation>没有案件 %1。</translation>
    </message>
    <message>
        <source>No limit %1.</source>
        <translation>没有期限 %1。</translation>
    </message>
    <message>
        <source>You approved this yourself; someone else must approve what you then do.</source>
        <translation>这是您本人批准的；您要办理的事项须由他人批准。</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>under investigation</source>
        <translation>侦查中</translation>
    </message>
    <message>
        <source>coercive measures</source>
        <translation>强制措施</translation>
    </message>
    <message>
        <source>referred to the procuratorate</source>
        <translation>移送检察院</translation>
    </message>
    <message>
        <source>prosecuted</source>
        <translation>已起诉</translation>
    </message>
    <message>
        <source>tried</source>
        <translation>已审判</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>investigated</source>
        <translation>已调查</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>decision executed</source>
        <translation>决定已执行</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>see cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>open cases</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Give the case a title of 3 to 200 characters.</source>
        <translation>请给案件起一个3至200字的标题。</translation>
    </message>
    <message>
        <source>Keep the summary under 4,000 characters.</source>
        <translation>摘要请控制在4000字以内。</translation>
    </message>
    <message>
        <source>move cases</source>
        <translation>推进案件</translation>
    </message>
    <message>
        <source>Say why the case is closed; it goes on record.</source>
        <translation>请说明结案理由；将记录在案。</translation>
    </message>
    <message>
        <source>Case %1 cannot go from %2 to %3.</source>
        <translation>案件 %1 不能从%2转为%3。</translation>
    </message>
    <message>
        <source>Moving case %1 to %2 needs an approval first.</source>
        <translation>案件 %1 转为%2须先经批准。</translation>
    </message>
    <message>
        <source>Someone changed case %1 meanwhile; look at it again.</source>
        <translation>案件 %1 已被他人修改，请重新查看。</translation>
    </message>
    <message>
        <source>The case was closed: %1</source>
        <translation>案件已结案：%1</translation>
    </message>
    <message>
        <source>approve steps of cases</source>
        <translation>审批案件环节</translation>
    </message>
    <message>
        <source>Say what you approve and on what grounds; it goes on the case&apos;s record.</source>
        <translation>请说明批准事项及依据；将记入案件记录。</translation>
    </message>
    <message>
        <source>Keep the note under 2,000 characters.</source>
        <translation>备注请控制在2000字以内。</translation>
    </message>
    <message>
        <source>No approval %1.</source>
        <translation>没有审批 %1。</translation>
    </message>
    <message>
        <source>Case %1 is closed.</source>
        <translation>案件 %1 已结案。</translation>
    </message>
    <message>
        <source>Case %1 does not go to %2 next, or needs no approval for it.</source>
        <translation>案件 %1 下一环节不是%2，或该环节无需审批。</translation>
    </message>
    <message>
        <source>Only a running arrest request&apos;s or administrative case&apos;s limit of this case is extended.</source>
        <translation>只有本案正在计时的提请批捕期限或行政案件办案期限可以延长。</translation>
    </message>
    <message>
        <source>An approval is for a stage (stage:&lt;stage&gt;) or an extension (extend:&lt;limit&gt;).</source>
        <translation>审批针对环节（stage:&lt;环节&gt;）或延期（extend:&lt;期限&gt;）。</translation>
    </message>
    <message>
        <source>start a case&apos;s limits</source>
        <translation>启动案件期限</translation>
    </message>
    <message>
        <source>Case %1 is closed; its clocks have stopped.</source>
        <translation>案件 %1 已结案，期限已停止计时。</translation>
    </message>
    <message>
        <source>That person is not held in case %1.</source>
        <translation>该人员未在案件 %1 中被羁押。</translation>
    </message>
    <message>
        <source>A summons belongs to a criminal case; question the person in an administrative one.</source>
        <translation>传唤适用于刑事案件；行政案件请进行询问。</translation>
    </message>
    <message>
        <source>Administrative questioning belongs to an administrative case; summon the person in a criminal one.</source>
        <translation>行政询问适用于行政案件；刑事案件请传唤。</translation>
    </message>
    <message>
        <source>Criminal detention belongs to a criminal case.</source>
        <translation>刑事拘留适用于刑事案件。</translation>
    </message>
    <message>
        <source>An arrest is requested in a criminal case.</source>
        <translation>提请逮捕适用于刑事案件。</translation>
    </message>
    <message>
        <source>Arrest requested of the procuratorate</source>
        <translation>已提请检察院批准逮捕</translation>
    </message>
    <message>
        <source>meet a case&apos;s limits</source>
        <translation>完成案件期限事项</translation>
    </message>
    <message>
        <source>Say what was done (the transfer, the notice, the interrogation).</source>
        <translation>请说明已办事项（送押、通知、讯问）。</translation>
    </message>
    <message>
        <source>That limit is %1 already.</source>
        <translation>该期限已%1。</translation>
    </message>
    <message>
        <source>met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Someone changed that limit meanwhile; look at it again.</source>
        <translation>该期限已被他人修改，请重新查看。</translation>
    </message>
    <message>
        <source>extend a case&apos;s limits</source>
        <translation>延长案件期限</translation>
    </message>
    <message>
        <source>Say why the limit is extended; it goes on record.</source>
        <translation>请说明延期理由；将记录在案。</translation>
    </message>
    <message>
        <source>Extend by a minute or more.</source>
        <translation>延长至少一分钟。</translation>
    </message>
    <message>
        <source>Only a running limit is extended.</source>
        <translation>只有正在计时的期限可以延长。</translation>
    </message>
    <message>
        <source>This arrest request was extended already.</source>
        <translation>该提请批捕期限已延长过。</translation>
    </message>
    <message>
        <source>An arrest request is extended by 1 day to %1.</source>
        <translation>提请批捕期限可延长1日至%1。</translation>
    </message>
    <message>
        <source>For a roving, repeat or gang suspect an arrest request runs at most %1 in all.</source>
        <translation>对流窜、多次、结伙作案的嫌疑人，提请批捕期限总计最长%1。</translation>
    </message>
    <message>
        <source>An administrative case is extended once.</source>
        <translation>行政案件只能延长一次。</translation>
    </message>
    <message>
        <source>An administrative case is extended by at most %1.</source>
        <translation>行政案件最多延长%1。</translation>
    </message>
    <message>
        <source>This limit is set by law and is not extended.</source>
        <translation>该期限为法定期限，不得延长。</translation>
    </message>
    <message>
        <source>Extending this limit needs an approval first.</source>
        <translation>延长该期限须先经批准。</translation>
    </message>
    <message>
        <source>Open case: %1</source>
        <translation>立案：%1</translation>
    </message>
    <message>
        <source>Move case %1 to %2</source>
        <translation>案件 %1 转为%2</translation>
    </message>
    <message>
        <source>Approve %1 for case %2</source>
        <translation>批准案件 %2 的 %1</translation>
    </message>
    <message>
        <source>Start the limits of case %1</source>
        <translation>启动案件 %1 的期限</translation>
    </message>
    <message>
        <source>Limit %1 met</source>
        <translation>期限 %1 已完成</translation>
    </message>
    <message>
        <source>Extend limit %1</source>
        <translation>延长期限 %1</translation>
    </message>
    <message>
        <source>The kept command names no case or limit.</source>
        <translation>保留的命令未指明案件或期限。</translation>
    </message>
    <message>
        <source>The kept case has no valid kind.</source>
        <translation>保留的案件没有有效的类型。</translation>
    </message>
    <message>
        <source>The kept command names no valid event.</source>
        <translation>保留的命令没有有效的事由。</translation>
    </message>
    <message>
        <source>The kept command names no valid ground.</source>
        <translation>保留的命令没有有效的延期理由。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a case event and its note</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Administrative case %1 opened: %2</source>
        <translation>行政案件 %1 已受理：%2</translation>
    </message>
    <message>
        <source>Criminal case %1 opened: %2</source>
        <translation>刑事案件 %1 已立案：%2</translation>
    </message>
    <message>
        <source>Case %1 closed</source>
        <translation>案件 %1 已结案</translation>
    </message>
    <message>
        <source>Case %1 moved from %2 to %3</source>
        <translation>案件 %1 由%2转入%3</translation>
    </message>
    <message>
        <source>%1, approved by %2</source>
        <translation>%1，由 %2 批准</translation>
    </message>
    <message>
        <source>Limit started for case %1: %2, due %3</source>
        <translation>案件 %1 时限已启动：%2，%3 到期</translation>
    </message>
    <message>
        <source>Limit met in case %1: %2</source>
        <translation>案件 %1 时限已办结：%2</translation>
    </message>
    <message>
        <source>Limit extended in case %1: %2, now due %3</source>
        <translation>案件 %1 时限已延长：%2，现于 %3 到期</translation>
    </message>
    <message>
        <source>Limit cancelled in case %1: %2</source>
        <translation>案件 %1 时限已撤销：%2</translation>
    </message>
    <message>
        <source>Approved for case %1: the move to %2</source>
        <translation>案件 %1 已批准：转入%2</translation>
    </message>
    <message>
        <source>Approved for case %1: the extension of limit %2</source>
        <translation>案件 %1 已批准：延长时限 %2</translation>
    </message>
    <message>
        <source>Wristband %1 booked into the custody suite (%2), to leave by %3</source>
        <translation>手环 %1 已进入办案区（%2），须于 %3 前离开</translation>
    </message>
    <message>
        <source>an ordinary extension</source>
        <translation>一般延长</translation>
    </message>
    <message>
        <source>a roving suspect</source>
        <translation>流窜作案嫌疑人</translation>
    </message>
    <message>
        <source>a repeat suspect</source>
        <translation>多次作案嫌疑人</translation>
    </message>
    <message>
        <source>a gang suspect</source>
        <translation>结伙作案嫌疑人</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an extension and its ground</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The fast track is for a minor case: the likely sentence within three years and the guilty plea accepted, both.</source>
        <translation>快速办理仅适用于轻微案件：可能判处三年以下刑罚，且认罪认罚已被接受，两者缺一不可。</translation>
    </message>
    <message>
        <source>Say on what grounds the case takes the fast track; it goes on record.</source>
        <translation>请说明案件进入快速办理的依据；该说明将记录在案。</translation>
    </message>
    <message>
        <source>Reached: %1</source>
        <translation>已到达：%1</translation>
    </message>
    <message>
        <source>The fast track is for minor criminal cases.</source>
        <translation>快速办理仅适用于轻微刑事案件。</translation>
    </message>
    <message>
        <source>put cases on the fast track</source>
        <translation>将案件纳入快速办理</translation>
    </message>
    <message>
        <source>Case %1 is on the fast track already.</source>
        <translation>案件 %1 已在快速办理中。</translation>
    </message>
    <message>
        <source>Case %1 is %2: a case takes the fast track before it is referred to the procuratorate.</source>
        <translation>案件 %1 处于%2阶段：案件须在移送检察院之前进入快速办理。</translation>
    </message>
    <message>
        <source>Put case %1 on the fast track</source>
        <translation>将案件 %1 纳入快速办理</translation>
    </message>
    <message>
        <source>Case %1 put on the 48-hour fast track</source>
        <translation>案件 %1 进入48小时快速办理</translation>
    </message>
    <message>
        <source>Escort of %1 to the %2 requested: %3</source>
        <translation>已申请押解 %1 前往%2：%3</translation>
    </message>
    <message>
        <source>Crew %1 assigned to the escort of %2 (%3)</source>
        <translation>押解组 %1 已指派押解 %2（%3）</translation>
    </message>
    <message>
        <source>%1 left the suite with escort crew %2</source>
        <translation>%1 随押解组 %2 离开办案区</translation>
    </message>
    <message>
        <source>%1 delivered to the %2 by crew %3, received by %4</source>
        <translation>%1 由押解组 %3 送达%2，接收人：%4</translation>
    </message>
    <message>
        <source>The escort of %1 cancelled</source>
        <translation>%1 的押解已取消</translation>
    </message>
    <message>
        <source>The limit &quot;%1&quot; of case %2 ended meanwhile; look at it again.</source>
        <translation>案件 %2 的时限“%1”已被他人办结；请重新查看。</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CentreDesk</name>
    <message>
        <source>Ca&amp;ses</source>
        <translation>案件(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;ustody suite</source>
        <translation>办案区(&amp;U)</translation>
    </message>
    <message>
        <source>Esc&amp;ort team</source>
        <translation>押解队(&amp;O)</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyDesk</name>
    <message>
        <source>intoxicated</source>
        <translation>醉酒</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>受伤</translation>
    </message>
    <message>
        <source>medical needs</source>
        <translation>有医疗需求</translation>
    </message>
    <message>
        <source>risk of self-harm</source>
        <translation>有自伤风险</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>in the suite</source>
        <translation>在区</translation>
    </message>
    <message>
        <source>MISSED %1 ago</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>Search by wristband, case number or cause (Ctrl+F)</source>
        <translation>按手环号、案件编号或事由搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>In the suite</source>
        <translation>在区人员</translation>
    </message>
    <message>
        <source>Checks due within 15 minutes or missed</source>
        <translation>15 分钟内到期或已超时的巡查</translation>
    </message>
    <message>
        <source>Left the suite</source>
        <translation>已离区</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>下次巡查</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>手环</translation>
    </message>
    <message>
        <source>Person (masked)</source>
        <translation>人员（已脱敏）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>所在位置</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>羁押依据</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>在区时长</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>run out %1 ago</source>
        <translation>已超出 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Booking people in needs the custody permission.</source>
        <translation>入区登记需要办案区管理权限。</translation>
    </message>
    <message>
        <source>Book a person in</source>
        <translation>人员入区登记</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>The open case&apos;s number, C-2026-000042</source>
        <translation>在办案件编号，如 C-2026-000042</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>Name and ID number (masked wherever it is read)</source>
        <translation>姓名和身份证号（读取时一律脱敏）</translation>
    </message>
    <message>
        <source>&amp;Wristband</source>
        <translation>手环(&amp;W)</translation>
    </message>
    <message>
        <source>The wristband or tag number</source>
        <translation>手环或标签编号</translation>
    </message>
    <message>
        <source>Ca&amp;use</source>
        <translation>事由(&amp;U)</translation>
    </message>
    <message>
        <source>Why the person is brought in</source>
        <translation>带入原因</translation>
    </message>
    <message>
        <source>Held &amp;on</source>
        <translation>羁押依据(&amp;O)</translation>
    </message>
    <message>
        <source>Approved as serious, or detention likely (24 hours)</source>
        <translation>经批准为重大案件或可能拘留（24 小时）</translation>
    </message>
    <message>
        <source>&amp;Legal basis</source>
        <translation>法律依据(&amp;L)</translation>
    </message>
    <message>
        <source>The article or decision</source>
        <translation>条款或决定</translation>
    </message>
    <message>
        <source>O&amp;fficer</source>
        <translation>责任民警(&amp;F)</translation>
    </message>
    <message>
        <source>The officer responsible</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>I&amp;ntoxicated</source>
        <translation>醉酒(&amp;N)</translation>
    </message>
    <message>
        <source>Risk seen</source>
        <translation>发现的风险</translation>
    </message>
    <message>
        <source>In&amp;jured</source>
        <translation>受伤(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Medical needs</source>
        <translation>有医疗需求(&amp;M)</translation>
    </message>
    <message>
        <source>Risk of &amp;self-harm</source>
        <translation>有自伤风险(&amp;S)</translation>
    </message>
    <message>
        <source>W&amp;hat was seen</source>
        <translation>所见情况(&amp;H)</translation>
    </message>
    <message>
        <source>What was seen and asked at intake</source>
        <translation>登记时的所见所问</translation>
    </message>
    <message>
        <source>Name the open case the person is brought in for.</source>
        <translation>请填写该人员所涉的在办案件。</translation>
    </message>
    <message>
        <source>No open case is numbered %1.</source>
        <translation>没有编号为 %1 的在办案件。</translation>
    </message>
    <message>
        <source>%1 booked in at the intake desk.</source>
        <translation>%1 已在登记台入区登记。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>a risk and what was seen</comment>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>房间(&amp;R)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>On the route</source>
        <translation>所在环节</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Who is in it (wristbands)</source>
        <translation>在内人员（手环）</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyPanel</name>
    <message>
        <source>Person: %1</source>
        <translation>人员：%1</translation>
    </message>
    <message>
        <source>the person in custody</source>
        <translation>在区人员</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>羁押依据</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>所在位置</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>在区时长</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>下次巡查</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离区</translation>
    </message>
    <message>
        <source>Check (C)</source>
        <translation>巡查 (C)</translation>
    </message>
    <message>
        <source>Move (M)</source>
        <translation>转移 (M)</translation>
    </message>
    <message>
        <source>Interview (I)</source>
        <translation>讯问 (I)</translation>
    </message>
    <message>
        <source>Care (F)</source>
        <translation>生活照料 (F)</translation>
    </message>
    <message>
        <source>Risk (K)</source>
        <translation>风险 (K)</translation>
    </message>
    <message>
        <source>Keep apart (A)</source>
        <translation>分开看管 (A)</translation>
    </message>
    <message>
        <source>Release (X)</source>
        <translation>离区 (X)</translation>
    </message>
    <message>
        <source>Record PDF (P)</source>
        <translation>记录 PDF (P)</translation>
    </message>
    <message>
        <source>Custody record</source>
        <translation>办案区记录</translation>
    </message>
    <message>
        <source>Nobody in view</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <source>Wristband %1 · %2</source>
        <translation>手环 %1 · %2</translation>
    </message>
    <message>
        <source>%1 (extended: serious, or detention likely)</source>
        <translation>%1（已延长：重大案件或可能拘留）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · booked in by %2</source>
        <translation>%1 · 由 %2 登记入区</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 since %2; limit %3 (%4)</source>
        <translation>自 %2 起已 %1；时限 %3（%4）</translation>
    </message>
    <message>
        <source>run out %1 ago</source>
        <translation>已超出 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>no more checks</source>
        <translation>不再巡查</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未离区</translation>
    </message>
    <message>
        <source>%1 at %2, taken by %3 (%4)</source>
        <translation>%2 %1，由 %3 接走（%4）</translation>
    </message>
    <message>
        <source>End interview (I)</source>
        <translation>结束讯问 (I)</translation>
    </message>
    <message>
        <source>Welfare check of %1</source>
        <translation>巡查 %1</translation>
    </message>
    <message>
        <source>&amp;Condition</source>
        <translation>状况(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Observed</source>
        <translation>观察所见(&amp;O)</translation>
    </message>
    <message>
        <source>What was seen and said (needed for a concern)</source>
        <translation>所见所闻（有异常时必填）</translation>
    </message>
    <message>
        <source>Due %1: MISSED %2 ago. It is recorded as late.</source>
        <translation>应于 %1 巡查：已超时 %2。将记录为迟到巡查。</translation>
    </message>
    <message>
        <source>Due %1, in %2.</source>
        <translation>应于 %1 巡查，还有 %2。</translation>
    </message>
    <message>
        <source>Welfare check of %1 recorded.</source>
        <translation>已记录对 %1 的巡查。</translation>
    </message>
    <message>
        <source>Take %1 to another room</source>
        <translation>将 %1 带至其他房间</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>房间(&amp;R)</translation>
    </message>
    <message>
        <source>%1 · %2 (%3 of %4)%5</source>
        <translation>%1 · %2（%3/%4）%5</translation>
    </message>
    <message>
        <source>, full</source>
        <translation>，已满</translation>
    </message>
    <message>
        <source>No room further along the route for %1.</source>
        <translation>%1 的路线上没有可前往的房间。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Why, when the move skips a step of the route</source>
        <translation>跳过路线环节时说明原因</translation>
    </message>
    <message>
        <source>%1 taken to %2.</source>
        <translation>%1 已带至 %2。</translation>
    </message>
    <message>
        <source>End the interview of %1</source>
        <translation>结束对 %1 的讯问</translation>
    </message>
    <message>
        <source>Started %1 in %2 by %3, recording %4.</source>
        <translation>%1 由 %3 在 %2 开始，录音录像 %4。</translation>
    </message>
    <message>
        <source>How it ended (optional)</source>
        <translation>结束情况（可选）</translation>
    </message>
    <message>
        <source>The interview of %1 ended.</source>
        <translation>对 %1 的讯问已结束。</translation>
    </message>
    <message>
        <source>Interview %1</source>
        <translation>讯问 %1</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1（使用中）</translation>
    </message>
    <message>
        <source>O&amp;fficers</source>
        <translation>讯问民警(&amp;F)</translation>
    </message>
    <message>
        <source>Who interviews (two officers)</source>
        <translation>讯问民警（两名）</translation>
    </message>
    <message>
        <source>Re&amp;cording</source>
        <translation>录音录像(&amp;C)</translation>
    </message>
    <message>
        <source>The recording&apos;s reference</source>
        <translation>录音录像编号</translation>
    </message>
    <message>
        <source>The interview of %1 started.</source>
        <translation>对 %1 的讯问已开始。</translation>
    </message>
    <message>
        <source>Care given to %1</source>
        <translation>向 %1 提供的照料</translation>
    </message>
    <message>
        <source>&amp;Given</source>
        <translation>提供(&amp;G)</translation>
    </message>
    <message>
        <source>M&amp;inutes</source>
        <translation>分钟数(&amp;I)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How long a rest period lasted</source>
        <translation>休息时长</translation>
    </message>
    <message>
        <source>What exactly (optional)</source>
        <translation>具体内容（可选）</translation>
    </message>
    <message>
        <source>%1 given to %2 recorded.</source>
        <translation>已记录向 %2 提供%1。</translation>
    </message>
    <message>
        <source>Assess the risk of %1 again</source>
        <translation>重新评估 %1 的风险</translation>
    </message>
    <message>
        <source>I&amp;ntoxicated</source>
        <translation>醉酒(&amp;N)</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>In&amp;jured</source>
        <translation>受伤(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Medical needs</source>
        <translation>有医疗需求(&amp;M)</translation>
    </message>
    <message>
        <source>Risk of &amp;self-harm</source>
        <translation>有自伤风险(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;What was seen</source>
        <translation>所见情况(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Why the risk is assessed again</source>
        <translation>重新评估风险的原因</translation>
    </message>
    <message>
        <source>The risk of %1 assessed again.</source>
        <translation>已重新评估 %1 的风险。</translation>
    </message>
    <message>
        <source>Keep %1 apart from another person</source>
        <translation>将 %1 与他人分开看管</translation>
    </message>
    <message>
        <source>&amp;Wristband</source>
        <translation>手环(&amp;W)</translation>
    </message>
    <message>
        <source>The other person&apos;s wristband</source>
        <translation>另一人的手环号</translation>
    </message>
    <message>
        <source>Why they must not share a room</source>
        <translation>不得同室的原因</translation>
    </message>
    <message>
        <source>Name the other person by their wristband.</source>
        <translation>请用手环号指明另一人。</translation>
    </message>
    <message>
        <source>Nobody in the suite wears wristband %1.</source>
        <translation>办案区内没有佩戴手环 %1 的人员。</translation>
    </message>
    <message>
        <source>%1 and %2 are kept apart.</source>
        <translation>%1 与 %2 已分开看管。</translation>
    </message>
    <message>
        <source>%1 leaves the suite</source>
        <translation>%1 离开办案区</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Taken by</source>
        <translation>接收人(&amp;T)</translation>
    </message>
    <message>
        <source>Who took the person (escort, hospital, court, family)</source>
        <translation>接收人员（押解、医院、法院、家属）</translation>
    </message>
    <message>
        <source>The decision or receipt (optional)</source>
        <translation>决定书或回执（可选）</translation>
    </message>
    <message>
        <source>%1 has left the suite: %2.</source>
        <translation>%1 已离开办案区：%2。</translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation>请先选择人员。</translation>
    </message>
    <message>
        <source>Save the custody record as a PDF</source>
        <translation>将办案区记录保存为 PDF</translation>
    </message>
    <message>
        <source>custody-record-%1.pdf</source>
        <translation>办案区记录-%1.pdf</translation>
    </message>
    <message>
        <source>Custody record: wristband %1</source>
        <translation>办案区记录：手环 %1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>%1 (masked)</source>
        <translation>%1（已脱敏）</translation>
    </message>
    <message>
        <source>Hexhub · case management · custody record %1 · personal data masked</source>
        <translation>Hexhub · 案件管理 · 办案区记录 %1 · 个人信息已脱敏</translation>
    </message>
    <message>
        <source>The person held</source>
        <translation>在区人员</translation>
    </message>
    <message>
        <source>Every step of the stay</source>
        <translation>在区期间的每一步</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyService</name>
    <message>
        <source>Nobody is on record in custody as %1.</source>
        <translation>没有编号为 %1 的在押记录。</translation>
    </message>
    <message>
        <source>%1 has left the suite.</source>
        <translation>%1 已离开办案区。</translation>
    </message>
    <message>
        <source>The suite has no room %1.</source>
        <translation>办案区没有房间 %1。</translation>
    </message>
    <message>
        <source>Welfare check: %1 in %2</source>
        <translation>巡查：%1 在%2</translation>
    </message>
    <message>
        <source>Leaving the suite is a release, a transfer or a handover, not a move.</source>
        <translation>离开办案区须办理释放、送押或移交，而不是移动。</translation>
    </message>
    <message>
        <source>%1 is in %2 already.</source>
        <translation>%1 已在%2。</translation>
    </message>
    <message>
        <source>%1 cannot be taken from %2 to %3: the route through the suite goes one way.</source>
        <translation>%1 不能从%2带到%3：办案区流程单向通行。</translation>
    </message>
    <message>
        <source>Taking %1 to %2 passes over %3: say why.</source>
        <translation>将 %1 带到%2会跳过%3：请说明理由。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is full (%n person(s)).</source>
        <translation>
            <numerusform>%1已满（%n 人）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must be kept apart from %2, who is in %3 (%4).</source>
        <translation>%1 须与 %2 分开关押，后者在%3（%4）。</translation>
    </message>
    <message>
        <source>Someone changed %1&apos;s record meanwhile; look at it again.</source>
        <translation>其间有人修改了 %1 的记录，请重新查看。</translation>
    </message>
    <message>
        <source>No interview %1.</source>
        <translation>没有讯问 %1。</translation>
    </message>
    <message>
        <source>intoxicated</source>
        <translation>醉酒</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>受伤</translation>
    </message>
    <message>
        <source>medical needs</source>
        <translation>有医疗需要</translation>
    </message>
    <message>
        <source>risk of self-harm</source>
        <translation>有自伤风险</translation>
    </message>
    <message>
        <source>no risk seen</source>
        <translation>未见风险</translation>
    </message>
    <message>
        <source>Keep the risk notes under 2,000 characters.</source>
        <translation>风险说明请少于2,000个字符。</translation>
    </message>
    <message>
        <source>Say what was seen for the risk you marked.</source>
        <translation>请说明所标风险的观察情况。</translation>
    </message>
    <message>
        <source>summons</source>
        <translation>传唤</translation>
    </message>
    <message>
        <source>administrative questioning</source>
        <translation>行政传唤询问</translation>
    </message>
    <message>
        <source>criminal detention</source>
        <translation>刑事拘留</translation>
    </message>
    <message>
        <source>standard risk</source>
        <translation>一般风险</translation>
    </message>
    <message>
        <source>elevated risk</source>
        <translation>较高风险</translation>
    </message>
    <message>
        <source>highest risk</source>
        <translation>最高风险</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>search</source>
        <translation>安全检查</translation>
    </message>
    <message>
        <source>property taken</source>
        <translation>随身物品保管</translation>
    </message>
    <message>
        <source>biometrics and devices</source>
        <translation>信息采集</translation>
    </message>
    <message>
        <source>medical check</source>
        <translation>体检</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>讯问</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>候问</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>see the custody suite</source>
        <translation>查看办案区</translation>
    </message>
    <message>
        <source>Booked in on %1 for %2 (%3), wristband %4, officer %5; %6</source>
        <translation>以%1入区，事由：%2（%3），手环 %4，责任民警 %5；%6</translation>
    </message>
    <message>
        <source>To %1 (%2)</source>
        <translation>到%1（%2）</translation>
    </message>
    <message>
        <source>Welfare check in %1: %2</source>
        <translation>在%1巡查：%2</translation>
    </message>
    <message>
        <source>awake and well</source>
        <translation>清醒，状况良好</translation>
    </message>
    <message>
        <source>asleep, roused and responding</source>
        <translation>入睡，唤醒后有反应</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message numerus="yes">
        <source>(late by %n minute(s))</source>
        <translation>
            <numerusform>（迟了 %n 分钟）</numerusform>
        </translation>
    </message>
    <message>
        <source>Interview started in %1 by %2, recording %3</source>
        <translation>讯问在%1开始，讯问人 %2，录音录像 %3</translation>
    </message>
    <message numerus="yes">
        <source>Interview ended after %n minute(s)</source>
        <translation>
            <numerusform>讯问在 %n 分钟后结束</numerusform>
        </translation>
    </message>
    <message>
        <source>Risk assessed again: %1</source>
        <translation>重新评估风险：%1</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>用餐</translation>
    </message>
    <message>
        <source>Drink</source>
        <translation>饮水</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>服药</translation>
    </message>
    <message>
        <source>Medical visit</source>
        <translation>就医</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>通话</translation>
    </message>
    <message numerus="yes">
        <source>(%n minute(s))</source>
        <translation>
            <numerusform>（%n 分钟）</numerusform>
        </translation>
    </message>
    <message>
        <source>To be kept apart from %1: %2</source>
        <translation>须与 %1 分开关押：%2</translation>
    </message>
    <message>
        <source>Transferred to the detention centre</source>
        <translation>已送看守所</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <source>%1, taken by %2</source>
        <translation>%1，接收人：%2</translation>
    </message>
    <message>
        <source>see who is in custody</source>
        <translation>查看在押人员身份</translation>
    </message>
    <message>
        <source>Give the reason you need to see who this is; it goes on record.</source>
        <translation>请说明需要查看此人身份的理由，理由将被记录。</translation>
    </message>
    <message>
        <source>book people into custody</source>
        <translation>为人员办理入区</translation>
    </message>
    <message>
        <source>Say who the person is (name and ID number, 2 to 200 characters).</source>
        <translation>请填写人员身份（姓名和身份证号，2至200个字符）。</translation>
    </message>
    <message>
        <source>Give the wristband or tag number (up to 20 characters).</source>
        <translation>请填写手环或标签编号（最多20个字符）。</translation>
    </message>
    <message>
        <source>Say why the person is brought in (3 to 500 characters).</source>
        <translation>请填写带入事由（3至500个字符）。</translation>
    </message>
    <message>
        <source>Give the legal basis they are held under (3 to 500 characters).</source>
        <translation>请填写羁押的法律依据（3至500个字符）。</translation>
    </message>
    <message>
        <source>Name the officer responsible.</source>
        <translation>请填写责任民警。</translation>
    </message>
    <message>
        <source>Case %1 is closed; nobody is held in it.</source>
        <translation>案件 %1 已结案，不能再关押人员。</translation>
    </message>
    <message>
        <source>Wristband %1 is on someone in the suite already.</source>
        <translation>手环 %1 已由办案区内其他人佩戴。</translation>
    </message>
    <message>
        <source>The intake desk is full; finish booking in someone first.</source>
        <translation>登记台已满，请先完成一人的入区登记。</translation>
    </message>
    <message>
        <source>%1, wristband %2</source>
        <translation>%1，手环 %2</translation>
    </message>
    <message>
        <source>Book %1 into custody</source>
        <translation>将 %1 登记入区</translation>
    </message>
    <message>
        <source>move people in custody</source>
        <translation>移动在押人员</translation>
    </message>
    <message>
        <source>Keep the note under 500 characters.</source>
        <translation>备注请少于500个字符。</translation>
    </message>
    <message>
        <source>Move person %1 in custody</source>
        <translation>移动在押人员 %1</translation>
    </message>
    <message>
        <source>check people in custody</source>
        <translation>巡查在押人员</translation>
    </message>
    <message>
        <source>Keep the observation under 2,000 characters.</source>
        <translation>观察记录请少于2,000个字符。</translation>
    </message>
    <message>
        <source>Say what needs attention.</source>
        <translation>请说明需要关注的情况。</translation>
    </message>
    <message>
        <source>No welfare check %1.</source>
        <translation>没有巡查记录 %1。</translation>
    </message>
    <message>
        <source>Welfare check of person %1</source>
        <translation>巡查人员 %1</translation>
    </message>
    <message>
        <source>assess people in custody</source>
        <translation>评估在押人员</translation>
    </message>
    <message>
        <source>Say why the risk is assessed again; it goes on record.</source>
        <translation>请说明重新评估风险的理由，理由将被记录。</translation>
    </message>
    <message>
        <source>Assess the risk of person %1 again</source>
        <translation>重新评估人员 %1 的风险</translation>
    </message>
    <message>
        <source>keep people in custody apart</source>
        <translation>将在押人员分开关押</translation>
    </message>
    <message>
        <source>Name two different people.</source>
        <translation>请指定两个不同的人。</translation>
    </message>
    <message>
        <source>Say why they must be kept apart; it goes on record.</source>
        <translation>请说明须分开关押的理由，理由将被记录。</translation>
    </message>
    <message>
        <source>%1 and %2 are kept apart already.</source>
        <translation>%1 与 %2 已登记为分开关押。</translation>
    </message>
    <message>
        <source>%1 and %2 share %3 now: move one of them</source>
        <translation>%1 与 %2 现同在%3：须移出其中一人</translation>
    </message>
    <message>
        <source>Keep persons %1 and %2 apart</source>
        <translation>人员 %1 与 %2 分开关押</translation>
    </message>
    <message>
        <source>interview people in custody</source>
        <translation>讯问在押人员</translation>
    </message>
    <message>
        <source>Name the officers who interview.</source>
        <translation>请填写讯问民警。</translation>
    </message>
    <message>
        <source>Give the recording&apos;s reference: every interview is recorded.</source>
        <translation>请填写录音录像编号：每次讯问都须录音录像。</translation>
    </message>
    <message>
        <source>An interview of %1 is running; end it first.</source>
        <translation>%1 的讯问正在进行，请先结束。</translation>
    </message>
    <message>
        <source>%1 is not an interview room.</source>
        <translation>%1不是讯问室。</translation>
    </message>
    <message>
        <source>Interviewed in %1 by %2</source>
        <translation>已在%1由 %2 讯问</translation>
    </message>
    <message>
        <source>Interview person %1</source>
        <translation>讯问人员 %1</translation>
    </message>
    <message>
        <source>Keep the note under 2,000 characters.</source>
        <translation>备注请少于2,000个字符。</translation>
    </message>
    <message>
        <source>That interview has ended.</source>
        <translation>该讯问已结束。</translation>
    </message>
    <message>
        <source>End interview %1</source>
        <translation>结束讯问 %1</translation>
    </message>
    <message>
        <source>record care in custody</source>
        <translation>记录在押看护</translation>
    </message>
    <message>
        <source>Give the minutes it lasted (0 to 1,440).</source>
        <translation>请填写持续分钟数（0至1,440）。</translation>
    </message>
    <message>
        <source>Say how long the rest period was.</source>
        <translation>请说明休息时长。</translation>
    </message>
    <message>
        <source>Keep the note under 1,000 characters.</source>
        <translation>备注请少于1,000个字符。</translation>
    </message>
    <message>
        <source>Care for person %1</source>
        <translation>人员 %1 的看护</translation>
    </message>
    <message>
        <source>book people out of custody</source>
        <translation>为人员办理出区</translation>
    </message>
    <message>
        <source>Say who took the person (the person themself when released).</source>
        <translation>请填写接收人（释放时填本人）。</translation>
    </message>
    <message>
        <source>Left the suite, taken by %1</source>
        <translation>已离开办案区，接收人：%1</translation>
    </message>
    <message>
        <source>Transferred to the detention centre, taken by %1</source>
        <translation>已送看守所，接收人：%1</translation>
    </message>
    <message>
        <source>Book person %1 out of custody</source>
        <translation>为人员 %1 办理出区</translation>
    </message>
    <message>
        <source>The kept command names nobody in custody.</source>
        <translation>暂存的命令未指定在押人员。</translation>
    </message>
    <message>
        <source>The kept command names no valid basis.</source>
        <translation>暂存的命令没有有效的羁押依据。</translation>
    </message>
    <message>
        <source>The kept check names no valid condition.</source>
        <translation>暂存的巡查没有有效的状况。</translation>
    </message>
    <message>
        <source>The kept command names no valid kind of care.</source>
        <translation>暂存的命令没有有效的看护类型。</translation>
    </message>
    <message>
        <source>The kept command names no valid way of leaving.</source>
        <translation>暂存的命令没有有效的出区方式。</translation>
    </message>
    <message>
        <source>Interview room %1</source>
        <translation>讯问室 %1</translation>
    </message>
    <message>
        <source>Holding room %1</source>
        <translation>候问室 %1</translation>
    </message>
    <message>
        <source>Intake desk</source>
        <translation>登记台</translation>
    </message>
    <message>
        <source>Search room</source>
        <translation>安检室</translation>
    </message>
    <message>
        <source>Property desk</source>
        <translation>物品保管台</translation>
    </message>
    <message>
        <source>Biometrics room</source>
        <translation>信息采集室</translation>
    </message>
    <message>
        <source>Medical room</source>
        <translation>体检室</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>An escort of %1 is requested: record its departure on the escort team&apos;s board, or cancel it first.</source>
        <translation>已为 %1 申请押解：请在押解队看板上记录出发，或先取消押解。</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyWall</name>
    <message>
        <source>Wristband</source>
        <translation>手环</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已羁押</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>下次巡查</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>MISSED %1 ago</source>
        <translation>已错过 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <source>run out %1 ago</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>in custody now</source>
        <translation>当前在押</translation>
    </message>
    <message>
        <source>checks due within 15 minutes</source>
        <translation>15分钟内到期的巡查</translation>
    </message>
    <message>
        <source>checks missed</source>
        <translation>已错过的巡查</translation>
    </message>
    <message>
        <source>limits within 2 hours</source>
        <translation>2小时内到期的时限</translation>
    </message>
    <message>
        <source>limits run out</source>
        <translation>已超时限</translation>
    </message>
    <message>
        <source>Nobody is in custody.</source>
        <translation>办案区内无人。</translation>
    </message>
    <message numerus="yes">
        <source>%n welfare check(s) missed: check now and record what was seen.</source>
        <translation>
            <numerusform>%n 次巡查已错过：请立即巡查并记录所见情况。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::Dashboard</name>
    <message>
        <source>booked in</source>
        <translation>入区人数</translation>
    </message>
    <message>
        <source>in the suite now</source>
        <translation>当前在区人数</translation>
    </message>
    <message>
        <source>checks missed now</source>
        <translation>当前超时巡查</translation>
    </message>
    <message>
        <source>limits run out now</source>
        <translation>当前超时限</translation>
    </message>
    <message>
        <source>checks made late</source>
        <translation>迟到巡查</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 次中 %1 次</translation>
    </message>
    <message>
        <source>median hours held</source>
        <translation>在区时长中位数（小时）</translation>
    </message>
    <message>
        <source>Booked in per week</source>
        <translation>每周入区人数</translation>
    </message>
    <message>
        <source>Booked in per day</source>
        <translation>每日入区人数</translation>
    </message>
    <message>
        <source>Checks made late per week</source>
        <translation>每周迟到巡查次数</translation>
    </message>
    <message>
        <source>Checks made late per day</source>
        <translation>每日迟到巡查次数</translation>
    </message>
    <message>
        <source>How people left the suite</source>
        <translation>离区方式</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::EscortDesk</name>
    <message>
        <source>Escort team: today&apos;s work</source>
        <translation>押解队：今日任务</translation>
    </message>
    <message>
        <source>Crews on the roster (Space puts the crew in view on or off duty)</source>
        <translation>排班押解组（按空格键让当前押解组上岗或下岗）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>手环</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>To</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>押解组</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>On</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>N request · A assign a crew · D departed · R arrived · X cancel · Enter the person</source>
        <translation>N 申请 · A 指派押解组 · D 出发 · R 到达 · X 取消 · Enter 查看人员</translation>
    </message>
    <message>
        <source>arrived %1</source>
        <translation>%1 已到达</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a place and its kind</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <comment>a wristband and where to</comment>
        <translation>%1 前往 %2</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>off duty</source>
        <translation>下岗</translation>
    </message>
    <message>
        <source>The escort team&apos;s work needs the escort permission; you may look.</source>
        <translation>押解队的操作需要押解权限；您可以查看。</translation>
    </message>
    <message>
        <source>Choose an escort on the board first.</source>
        <translation>请先在看板上选择一项押解。</translation>
    </message>
    <message>
        <source>Request an escort</source>
        <translation>申请押解</translation>
    </message>
    <message>
        <source>&amp;Wristband</source>
        <translation>手环(&amp;W)</translation>
    </message>
    <message>
        <source>Of a person in the suite, e.g. W-0042</source>
        <translation>办案区内人员的手环，如 W-0042</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>前往(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>Which one: e.g. City Detention Centre No. 1</source>
        <translation>具体地点：如市第一看守所</translation>
    </message>
    <message>
        <source>Arrive &amp;within</source>
        <translation>到达时限(&amp;W)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>A hearing, a treatment, a transfer</source>
        <translation>出庭、就医、送押</translation>
    </message>
    <message>
        <source>Nobody with wristband %1 is in the suite.</source>
        <translation>办案区内没有手环为 %1 的人员。</translation>
    </message>
    <message>
        <source>Escort of %1 to %2 requested.</source>
        <translation>已申请押解 %1 前往 %2。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: only a request is assigned a crew.</source>
        <translation>%1 的押解状态为%2：只有待指派的申请才能指派押解组。</translation>
    </message>
    <message>
        <source>Assign a crew to the escort of %1</source>
        <translation>为 %1 的押解指派押解组</translation>
    </message>
    <message>
        <source>&amp;Crew</source>
        <translation>押解组(&amp;C)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>a crew: call sign, officers, vehicle</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>车辆(&amp;V)</translation>
    </message>
    <message>
        <source>The crew&apos;s own unless another is taken</source>
        <translation>默认使用押解组自己的车辆</translation>
    </message>
    <message>
        <source>No crew is on duty and free.</source>
        <translation>没有在岗且空闲的押解组。</translation>
    </message>
    <message>
        <source>Crew %1 assigned to the escort of %2.</source>
        <translation>押解组 %1 已指派押解 %2。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: a crew leaves once it is assigned.</source>
        <translation>%1 的押解状态为%2：指派押解组后才能出发。</translation>
    </message>
    <message>
        <source>Escort of %1 leaving</source>
        <translation>%1 的押解出发</translation>
    </message>
    <message>
        <source>%1 leaves the suite with crew %2 in %3 for %4. Enter records the departure.</source>
        <translation>%1 由押解组 %2 乘 %3 离开办案区前往 %4。按 Enter 记录出发。</translation>
    </message>
    <message>
        <source>%1 left with crew %2.</source>
        <translation>%1 已随押解组 %2 出发。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: only one on its way arrives.</source>
        <translation>%1 的押解状态为%2：只有途中的押解才能记录到达。</translation>
    </message>
    <message>
        <source>Escort of %1 arrived at %2</source>
        <translation>%1 的押解已到达 %2</translation>
    </message>
    <message>
        <source>&amp;Received by</source>
        <translation>接收人(&amp;R)</translation>
    </message>
    <message>
        <source>Who took the person at the destination</source>
        <translation>在目的地接收人员的人</translation>
    </message>
    <message>
        <source>%1 delivered to %2.</source>
        <translation>%1 已送达%2。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: one on its way or ended is not cancelled.</source>
        <translation>%1 的押解状态为%2：已出发或已结束的押解不能取消。</translation>
    </message>
    <message>
        <source>Cancel the escort of %1</source>
        <translation>取消 %1 的押解</translation>
    </message>
    <message>
        <source>It goes on record</source>
        <translation>将记录在案</translation>
    </message>
    <message>
        <source>The escort of %1 is cancelled.</source>
        <translation>%1 的押解已取消。</translation>
    </message>
    <message>
        <source>Crew %1 is on duty.</source>
        <translation>押解组 %1 已上岗。</translation>
    </message>
    <message>
        <source>Crew %1 is off duty.</source>
        <translation>押解组 %1 已下岗。</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::EscortService</name>
    <message>
        <source>No escort %1.</source>
        <translation>没有押解 %1。</translation>
    </message>
    <message>
        <source>No crew %1 on the escort team&apos;s roster.</source>
        <translation>押解队排班中没有押解组 %1。</translation>
    </message>
    <message>
        <source>Someone changed the escort of %1 meanwhile; look at it again.</source>
        <translation>他人已修改 %1 的押解；请重新查看。</translation>
    </message>
    <message>
        <source>Escort of %1 to %2 (%3)</source>
        <translation>押解 %1 前往 %2（%3）</translation>
    </message>
    <message>
        <source>detention centre</source>
        <translation>看守所</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>another unit</source>
        <translation>其他单位</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>crew assigned</source>
        <translation>已指派押解组</translation>
    </message>
    <message>
        <source>on the way</source>
        <translation>途中</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>see the escort team&apos;s board</source>
        <translation>查看押解队看板</translation>
    </message>
    <message>
        <source>request escorts</source>
        <translation>申请押解</translation>
    </message>
    <message>
        <source>Say where to: which detention centre, hospital, court or unit (2 to 200 characters).</source>
        <translation>请说明前往何处：哪个看守所、医院、法院或单位（2 至 200 字）。</translation>
    </message>
    <message>
        <source>Keep the reason under 2,000 characters.</source>
        <translation>原因请控制在 2,000 字以内。</translation>
    </message>
    <message>
        <source>%1 is no longer in the suite.</source>
        <translation>%1 已不在办案区。</translation>
    </message>
    <message>
        <source>An escort of %1 is requested already.</source>
        <translation>%1 的押解已申请。</translation>
    </message>
    <message>
        <source>%1 has no transfer to the detention centre running: only a detained person is taken there.</source>
        <translation>%1 没有正在计时的送看守所时限：只有被刑事拘留的人员才送看守所。</translation>
    </message>
    <message>
        <source>Say by when the escort must arrive: a time still to come.</source>
        <translation>请说明押解须在何时前到达：须为将来的时间。</translation>
    </message>
    <message>
        <source>assign escort crews</source>
        <translation>指派押解组</translation>
    </message>
    <message>
        <source>Keep the vehicle under 100 characters.</source>
        <translation>车辆请控制在 100 字以内。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: only a request is assigned a crew.</source>
        <translation>%1 的押解状态为%2：只有待指派的申请才能指派押解组。</translation>
    </message>
    <message>
        <source>Crew %1 is not on duty.</source>
        <translation>押解组 %1 不在岗。</translation>
    </message>
    <message>
        <source>Crew %1 is on another escort.</source>
        <translation>押解组 %1 正在执行另一项押解。</translation>
    </message>
    <message>
        <source>record escorts</source>
        <translation>记录押解</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: a crew leaves once it is assigned.</source>
        <translation>%1 的押解状态为%2：指派押解组后才能出发。</translation>
    </message>
    <message>
        <source>An interview of %1 is running; end it first.</source>
        <translation>%1 的讯问正在进行；请先结束讯问。</translation>
    </message>
    <message>
        <source>escort %1 to %2</source>
        <translation>押解组 %1 前往 %2</translation>
    </message>
    <message>
        <source>Say who received the person at the destination.</source>
        <translation>请说明目的地的接收人。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: only one on its way arrives.</source>
        <translation>%1 的押解状态为%2：只有途中的押解才能记录到达。</translation>
    </message>
    <message>
        <source>Delivered to %1 by escort %2, received by %3</source>
        <translation>已由押解组 %2 送达 %1，接收人：%3</translation>
    </message>
    <message>
        <source>cancel escorts</source>
        <translation>取消押解</translation>
    </message>
    <message>
        <source>Say why the escort is cancelled; it goes on record.</source>
        <translation>请说明取消押解的原因；该原因将记录在案。</translation>
    </message>
    <message>
        <source>The escort of %1 is %2: one on its way or ended is not cancelled.</source>
        <translation>%1 的押解状态为%2：已出发或已结束的押解不能取消。</translation>
    </message>
    <message>
        <source>change the escort team&apos;s roster</source>
        <translation>修改押解队排班</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::GuidelineService</name>
    <message>
        <source>No guideline %1.</source>
        <translation>没有指引 %1。</translation>
    </message>
    <message>
        <source>read the guidelines</source>
        <translation>查阅执法指引</translation>
    </message>
    <message>
        <source>change the guidelines</source>
        <translation>修改执法指引</translation>
    </message>
    <message>
        <source>A guideline&apos;s code is G- and two to four digits, e.g. G-12.</source>
        <translation>指引编号为 G- 加两到四位数字，如 G-12。</translation>
    </message>
    <message>
        <source>A guideline is in English (en) or Chinese (zh_CN).</source>
        <translation>指引的语言须为英文（en）或中文（zh_CN）。</translation>
    </message>
    <message>
        <source>Give the guideline a title of 3 to 200 characters.</source>
        <translation>请为指引填写 3 至 200 字的标题。</translation>
    </message>
    <message>
        <source>A guideline&apos;s text is 20 to 100,000 characters.</source>
        <translation>指引正文为 20 至 100,000 字。</translation>
    </message>
    <message>
        <source>%1 is not a stage of a case.</source>
        <translation>%1 不是案件的办理阶段。</translation>
    </message>
    <message>
        <source>Say why the guideline is revised; it goes on record.</source>
        <translation>请说明修订指引的原因；该原因将记录在案。</translation>
    </message>
    <message>
        <source>A guideline keeps its code and language; add a new one instead.</source>
        <translation>指引的编号和语言不能修改；请另行新增一份。</translation>
    </message>
    <message>
        <source>Someone revised guideline %1 meanwhile; look at it again.</source>
        <translation>他人已修订指引 %1；请重新查看。</translation>
    </message>
    <message>
        <source>Guideline %1 is in the library already in that language.</source>
        <translation>指引库中已有该语言的指引 %1。</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::GuidelinesDialog</name>
    <message>
        <source>Guidelines</source>
        <translation>执法指引</translation>
    </message>
    <message>
        <source>Guidelines: %1 first</source>
        <translation>执法指引：%1优先</translation>
    </message>
    <message>
        <source>Search the guidelines: words or phrases, Chinese included</source>
        <translation>搜索执法指引：词语或短语，支持中文</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>a guideline&apos;s code and title</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (this stage)</source>
        <translation>%1（本阶段）</translation>
    </message>
    <message>
        <source>The library is empty.</source>
        <translation>指引库为空。</translation>
    </message>
    <message>
        <source>No guideline has those words.</source>
        <translation>没有包含这些词语的指引。</translation>
    </message>
    <message numerus="yes">
        <source>%n guideline(s)</source>
        <translation>
            <numerusform>%n 份指引</numerusform>
        </translation>
    </message>
    <message>
        <source>Rests on: %1</source>
        <translation>依据：%1</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::Pictures</name>
    <message>
        <source>Pictures in another language</source>
        <translation>另一语言的示例图</translation>
    </message>
    <message>
        <source>Fight outside the Harbour Bar</source>
        <translation>海港酒吧外斗殴</translation>
    </message>
    <message>
        <source>Synthetic Person %1</source>
        <translation>虚构人员 %1</translation>
    </message>
    <message>
        <source>Suspected of the assault</source>
        <translation>涉嫌殴打他人</translation>
    </message>
    <message>
        <source>Criminal Procedure Law art. 82</source>
        <translation>刑事诉讼法第八十二条</translation>
    </message>
    <message>
        <source>Sgt. Demo 0417</source>
        <translation>示例警长 0417</translation>
    </message>
    <message>
        <source>Smells of alcohol, unsteady on his feet</source>
        <translation>有酒味，站立不稳</translation>
    </message>
    <message>
        <source>Said he would hurt himself</source>
        <translation>称要伤害自己</translation>
    </message>
    <message>
        <source>Sitting on the bench, talking</source>
        <translation>坐在长椅上，正在交谈</translation>
    </message>
    <message>
        <source>DC Demo, DC Sample</source>
        <translation>示例警官、样例警官</translation>
    </message>
    <message>
        <source>Detained at the scene by Sgt. Demo</source>
        <translation>演示警长当场拘留</translation>
    </message>
    <message>
        <source>His wife told by phone</source>
        <translation>已电话通知其妻子</translation>
    </message>
    <message>
        <source>Witnesses found</source>
        <translation>已找到证人</translation>
    </message>
    <message>
        <source>City Detention Centre No. 1</source>
        <translation>市第一看守所</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>已刑事拘留</translation>
    </message>
    <message>
        <source>Duty officer Gao</source>
        <translation>值班民警高某</translation>
    </message>
    <message>
        <source>First People&apos;s Hospital</source>
        <translation>市第一人民医院</translation>
    </message>
    <message>
        <source>A head injury to be seen to</source>
        <translation>头部受伤需就医检查</translation>
    </message>
</context>
<context>
    <name>hexhub::cases::Snapshot</name>
    <message>
        <source>Case events</source>
        <translation>案件事件</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::ChartCanvas</name>
    <message>
        <source>Link chart</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Nothing on the chart yet. Find an item (Ctrl+F: a phone, an account, a plate, a name as written), chart a lead from the leads page (C), or open a saved chart (Ctrl+O).</source>
        <translation>图上还没有内容。可查找实体（Ctrl+F：完整的电话、账户、车牌或姓名），在线索页将线索绘入图表（C），或打开已保存的图表（Ctrl+O）。</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::Colleague</name>
    <message>
        <source>Caller says scooters are stripped for parts in a lock-up behind the market</source>
        <translation>来电人称市场后面的一个库房里有人拆解电动车卖零件</translation>
    </message>
    <message>
        <source>Shop owner reports the same two men selling new phones without boxes</source>
        <translation>店主反映同样两名男子在兜售没有包装盒的新手机</translation>
    </message>
    <message>
        <source>Neighbour reports many parcels delivered to an empty flat at night</source>
        <translation>邻居反映夜间有大量包裹送往一处空置住宅</translation>
    </message>
    <message>
        <source>Caller on the tip line, number on file</source>
        <translation>举报热线来电人，号码已存档</translation>
    </message>
    <message>
        <source>Investigation of reported offences</source>
        <translation>对所报违法犯罪的调查</translation>
    </message>
    <message>
        <source>The source was right before; the call records fit</source>
        <translation>该来源以前提供属实；通话记录相符</translation>
    </message>
    <message>
        <source>First report from this source; nothing else says so yet</source>
        <translation>该来源首次报告；暂无其他佐证</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::CriminalIntelModule</name>
    <message>
        <source>Criminal intelligence</source>
        <translation>刑事情报</translation>
    </message>
    <message>
        <source>Leads intake and triage, link analysis, joint investigations with a task division across units.</source>
        <translation>线索接收与研判、关系分析、多单位分工协作的联合侦查。</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Record a tip as a lead</source>
        <translation>将线报登记为线索</translation>
    </message>
    <message>
        <source>Grade the lead in view</source>
        <translation>为当前线索评级</translation>
    </message>
    <message>
        <source>Assign the lead in view to an analyst</source>
        <translation>将当前线索指派给分析员</translation>
    </message>
    <message>
        <source>Move the lead in view (assessing, developing, actioned, closed)</source>
        <translation>变更当前线索状态（研判中、经营中、已处置、已关闭）</translation>
    </message>
    <message>
        <source>Merge the lead in view into the lead it repeats</source>
        <translation>将当前线索合并到与其重复的线索</translation>
    </message>
    <message>
        <source>Export the leads in view as CSV</source>
        <translation>将当前线索列表导出为 CSV</translation>
    </message>
    <message>
        <source>Choose the grading scheme (admiralty or 3x5x2)</source>
        <translation>选择评级体系（海军部评级法或 3x5x2）</translation>
    </message>
    <message>
        <source>Intelligence wall</source>
        <translation>情报大屏</translation>
    </message>
    <message>
        <source>Intelligence dashboard</source>
        <translation>情报看板</translation>
    </message>
    <message>
        <source>Save the lead in view as a PDF report</source>
        <translation>将当前线索保存为 PDF 报告</translation>
    </message>
    <message>
        <source>Link chart</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Chart the lead in view (its entities, one step out)</source>
        <translation>将当前线索绘入关系图（其实体及向外一步）</translation>
    </message>
    <message>
        <source>Open a saved link chart</source>
        <translation>打开已保存的关系图</translation>
    </message>
    <message>
        <source>Joint investigations</source>
        <translation>联合侦查</translation>
    </message>
    <message>
        <source>Investigate the lead in view (its investigation, or a new one)</source>
        <translation>侦查当前线索（所在的侦查，或新开一个）</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::Dashboard</name>
    <message>
        <source>leads taken in</source>
        <translation>接收线索</translation>
    </message>
    <message>
        <source>waiting for an analyst now</source>
        <translation>当前待分析员处理</translation>
    </message>
    <message>
        <source>past their limit now</source>
        <translation>当前已超时限</translation>
    </message>
    <message>
        <source>actioned</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>median hours to a grade</source>
        <translation>评级所需小时数（中位数）</translation>
    </message>
    <message>
        <source>from big-data hits</source>
        <translation>来自大数据命中</translation>
    </message>
    <message>
        <source>Leads taken in per week</source>
        <translation>每周接收线索</translation>
    </message>
    <message>
        <source>Leads taken in per day</source>
        <translation>每日接收线索</translation>
    </message>
    <message>
        <source>Graded, by band</source>
        <translation>按等级段的评级</translation>
    </message>
    <message>
        <source>Where the leads came from</source>
        <translation>线索来源</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::Deadlines</name>
    <message>
        <source>Assess and grade lead %1</source>
        <translation>研判并评级线索 %1</translation>
    </message>
    <message>
        <source>Decide on lead %1 (graded %2)</source>
        <translation>对线索 %1 作出决定（评级：%2）</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::EntityService</name>
    <message>
        <source>confirmed</source>
        <translation>已证实</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>未证实</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>a lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>a record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>a dataset row</source>
        <translation>数据集行</translation>
    </message>
    <message>
        <source>an analyst&apos;s finding</source>
        <translation>分析员研判</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>owns</source>
        <translation>拥有</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>lives at</source>
        <translation>居住于</translation>
    </message>
    <message>
        <source>works at</source>
        <translation>工作于</translation>
    </message>
    <message>
        <source>member of</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>met</source>
        <translation>会面</translation>
    </message>
    <message>
        <source>registered to</source>
        <translation>登记于</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>related to</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>No entity %1.</source>
        <translation>没有实体 %1。</translation>
    </message>
    <message>
        <source>No link %1.</source>
        <translation>没有关系 %1。</translation>
    </message>
    <message>
        <source>Keep an entity to 20 attributes.</source>
        <translation>每个实体最多 20 个属性。</translation>
    </message>
    <message>
        <source>An attribute&apos;s name is 1 to 40 characters.</source>
        <translation>属性名须为 1 至 40 个字符。</translation>
    </message>
    <message>
        <source>Attribute &quot;%1&quot; must be a word, a number or yes/no.</source>
        <translation>属性“%1”须为文字、数字或是/否。</translation>
    </message>
    <message>
        <source>Attribute &quot;%1&quot; is longer than 200 characters.</source>
        <translation>属性“%1”超过 200 个字符。</translation>
    </message>
    <message>
        <source>the same phone number</source>
        <translation>电话号码相同</translation>
    </message>
    <message>
        <source>the same account number</source>
        <translation>账号相同</translation>
    </message>
    <message>
        <source>the same plate</source>
        <translation>车牌相同</translation>
    </message>
    <message>
        <source>the same document number</source>
        <translation>证件号码相同</translation>
    </message>
    <message>
        <source>the same device identifier</source>
        <translation>设备标识相同</translation>
    </message>
    <message>
        <source>the same name fingerprint</source>
        <translation>姓名指纹相同</translation>
    </message>
    <message>
        <source>the same address</source>
        <translation>地址相同</translation>
    </message>
    <message>
        <source>the same event name</source>
        <translation>事件名称相同</translation>
    </message>
    <message>
        <source>Give the entity&apos;s label: a name, a number, an address.</source>
        <translation>请填写实体标签：姓名、号码或地址。</translation>
    </message>
    <message>
        <source>Keep a label under 300 characters.</source>
        <translation>标签请少于 300 个字符。</translation>
    </message>
    <message>
        <source>Keep an entity between a day and ten years.</source>
        <translation>实体保存期限须在一天至十年之间。</translation>
    </message>
    <message>
        <source>No lead %1 to link the entity to.</source>
        <translation>没有可关联该实体的线索 %1。</translation>
    </message>
    <message>
        <source>A person is kept only linked to a lead or a case: give one.</source>
        <translation>人员只能关联线索或案件保存：请填写其一。</translation>
    </message>
    <message>
        <source>Give the legal basis for keeping this person.</source>
        <translation>请填写保存该人员信息的法律依据。</translation>
    </message>
    <message>
        <source>Say what ties the two (calls, owns, paid ...), in under 40 characters.</source>
        <translation>请用 40 个字符以内说明两者的关系（通话、拥有、付款……）。</translation>
    </message>
    <message>
        <source>A link ties two different entities.</source>
        <translation>关系须连接两个不同的实体。</translation>
    </message>
    <message>
        <source>Say where the link came from (the lead, the record, the dataset row); every link keeps it.</source>
        <translation>请说明关系的来源（线索、记录、数据集行）；每条关系都会保留来源。</translation>
    </message>
    <message>
        <source>Keep the source under 300 characters and the evidence under 4,000.</source>
        <translation>来源请少于 300 个字符，证据请少于 4,000 个字符。</translation>
    </message>
    <message>
        <source>A link cannot end before it began.</source>
        <translation>关系的结束时间不能早于开始时间。</translation>
    </message>
    <message>
        <source>Entity %1 was merged into %2; link that one.</source>
        <translation>实体 %1 已并入 %2，请关联后者。</translation>
    </message>
    <message>
        <source>see entities and links</source>
        <translation>查看实体和关系</translation>
    </message>
    <message>
        <source>add entities</source>
        <translation>添加实体</translation>
    </message>
    <message>
        <source>merge entities</source>
        <translation>合并实体</translation>
    </message>
    <message>
        <source>An entity is not merged into itself.</source>
        <translation>实体不能与自身合并。</translation>
    </message>
    <message>
        <source>Say why the two are the same; it goes on record.</source>
        <translation>请说明两者为同一实体的理由，理由将被记录。</translation>
    </message>
    <message>
        <source>Only entities of one kind are merged (a %1 is not a %2).</source>
        <translation>只能合并同一类型的实体（%1 不是 %2）。</translation>
    </message>
    <message>
        <source>Entity %1 was merged already.</source>
        <translation>实体 %1 已被合并。</translation>
    </message>
    <message>
        <source>Another analyst changed this entity meanwhile; look at it again.</source>
        <translation>其他分析员已改动了该实体，请重新查看。</translation>
    </message>
    <message>
        <source>change entities</source>
        <translation>修改实体</translation>
    </message>
    <message>
        <source>Another analyst changed this entity meanwhile, or it was merged; look at it again.</source>
        <translation>其他分析员已改动或合并了该实体，请重新查看。</translation>
    </message>
    <message>
        <source>link entities</source>
        <translation>建立实体关系</translation>
    </message>
    <message>
        <source>remove links</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <source>Say why the link goes; it goes on record.</source>
        <translation>请说明删除该关系的理由，理由将被记录。</translation>
    </message>
    <message>
        <source>Expand 1 to 6 steps at a time.</source>
        <translation>每次向外扩展 1 至 6 步。</translation>
    </message>
    <message>
        <source>see an entity&apos;s label</source>
        <translation>查看实体标签</translation>
    </message>
    <message>
        <source>Give the reason you need it; it goes on record.</source>
        <translation>请说明查看理由，理由将被记录。</translation>
    </message>
    <message>
        <source>No chart %1.</source>
        <translation>没有图表 %1。</translation>
    </message>
    <message>
        <source>save link charts</source>
        <translation>保存关系图</translation>
    </message>
    <message>
        <source>Give the chart a title of 3 to 120 characters.</source>
        <translation>请为图表填写 3 至 120 个字符的标题。</translation>
    </message>
    <message>
        <source>The chart is too large to save (at most 20,000 items and 2 MB).</source>
        <translation>图表过大无法保存（最多 20,000 项、2 MB）。</translation>
    </message>
    <message>
        <source>No investigation %1 to save the chart with.</source>
        <translation>没有可随图表保存的侦查 %1。</translation>
    </message>
    <message>
        <source>Someone saved this chart meanwhile; open it again, or save yours as a new chart.</source>
        <translation>其他人已保存了该图表；请重新打开，或另存为新图表。</translation>
    </message>
    <message>
        <source>No lead %1.</source>
        <translation>没有线索 %1。</translation>
    </message>
    <message>
        <source>The evidence names %1 members; at most 5,000 are taken onto a chart.</source>
        <translation>证据中有 %1 个成员；图表最多容纳 5,000 个。</translation>
    </message>
    <message>
        <source>Tied by the shared %1 (the model&apos;s finding)</source>
        <translation>因共用%1而关联（模型发现）</translation>
    </message>
    <message>
        <source>Add %1 to the chart</source>
        <translation>在图上添加%1</translation>
    </message>
    <message>
        <source>Merge entity %1 into entity %2</source>
        <translation>将实体 %1 合并入实体 %2</translation>
    </message>
    <message>
        <source>Chart what lead %1&apos;s evidence names</source>
        <translation>把线索 %1 证据中的对象上图</translation>
    </message>
    <message>
        <source>Change entity %1&apos;s attributes</source>
        <translation>修改实体 %1 的属性</translation>
    </message>
    <message>
        <source>Link entity %1 %2 entity %3</source>
        <translation>关联：实体 %1 %2 实体 %3</translation>
    </message>
    <message>
        <source>Remove link %1</source>
        <translation>删除关联 %1</translation>
    </message>
    <message>
        <source>Save chart %1</source>
        <translation>保存关系图 %1</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::IntelReplay</name>
    <message>
        <source>The kept command has no valid %1.</source>
        <translation>保留的命令缺少有效的 %1。</translation>
    </message>
    <message>
        <source>The kept grade has no valid scheme.</source>
        <translation>保留的评级没有有效的评级体系。</translation>
    </message>
    <message>
        <source>The kept entity has no valid kind.</source>
        <translation>保留的实体没有有效的类型。</translation>
    </message>
    <message>
        <source>The kept link has no valid confidence or source.</source>
        <translation>保留的关联没有有效的可信度或来源。</translation>
    </message>
    <message>
        <source>The kept target&apos;s position cannot be read: %1</source>
        <translation>无法读取保留目标的位置：%1</translation>
    </message>
    <message>
        <source>The kept command has no valid scheme.</source>
        <translation>保留的命令没有有效的评级体系。</translation>
    </message>
    <message>
        <source>The kept command has no valid status.</source>
        <translation>保留的命令没有有效的状态。</translation>
    </message>
    <message>
        <source>The kept command has no valid kind of member.</source>
        <translation>保留的命令没有有效的成员类型。</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::IntelWall</name>
    <message>
        <source>Running out first</source>
        <translation>最先到期</translation>
    </message>
    <message>
        <source>missed %1 ago</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>还剩 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>leads waiting for an analyst</source>
        <translation>待分析员处理的线索</translation>
    </message>
    <message>
        <source>past their limit</source>
        <translation>已超时限</translation>
    </message>
    <message>
        <source>graded high, not yet decided</source>
        <translation>高等级、尚未决定</translation>
    </message>
    <message>
        <source>taken in, last 7 days</source>
        <translation>近 7 天接收</translation>
    </message>
    <message>
        <source>actioned, last 7 days</source>
        <translation>近 7 天处置</translation>
    </message>
    <message>
        <source>No limit running.</source>
        <translation>没有进行中的时限。</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::InvestigationPage</name>
    <message>
        <source>unit %1</source>
        <translation>警力 %1</translation>
    </message>
    <message>
        <source>Unit %1 (%2)</source>
        <translation>警力 %1（%2）</translation>
    </message>
    <message>
        <source>The units cannot be read; tasks can go to the centres.</source>
        <translation>无法读取警力；任务可以发给各中心。</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>侦查</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>未完成任务</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>最近报告</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>执行方</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>执行方</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>After go</source>
        <translation>行动开始后</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Task division</source>
        <translation>任务分工</translation>
    </message>
    <message>
        <source>Daily reports</source>
        <translation>每日报告</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>You may look at investigations; running them is the analysts&apos; of criminal intelligence.</source>
        <translation>您可以查看侦查；开展侦查是刑事情报分析员的职责。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>No investigations yet. N opens one; I on a lead opens one from it.</source>
        <translation>尚无侦查。按 N 新建；在线索上按 I 从该线索开立。</translation>
    </message>
    <message>
        <source>Hub operation %1 approved from it.</source>
        <translation>已据此批准枢纽行动 %1。</translation>
    </message>
    <message>
        <source>Cluster operation proposed to the hub (proposal %1).</source>
        <translation>已向枢纽提议集群行动（提议 %1）。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Opened by %4 on %5 · %n lead(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;由 %4 于 %5 开立 · %n 条线索</numerusform>
        </translation>
    </message>
    <message>
        <source>go + %1</source>
        <translation>行动开始 + %1</translation>
    </message>
    <message>
        <source>at go</source>
        <translation>行动开始时</translation>
    </message>
    <message>
        <source>Open an investigation</source>
        <translation>开立侦查</translation>
    </message>
    <message numerus="yes">
        <source>Opened from %n lead(s); they join it.</source>
        <translation>
            <numerusform>从 %n 条线索开立；这些线索将并入该侦查。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Operation ...</source>
        <translation>行动……</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>%1 opened; you are its lead analyst.</source>
        <translation>%1 已开立；您是主办分析员。</translation>
    </message>
    <message>
        <source>Choose an investigation first.</source>
        <translation>请先选择一个侦查。</translation>
    </message>
    <message>
        <source>A member of %1</source>
        <translation>%1 的成员</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>执行方(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>职责(&amp;R)</translation>
    </message>
    <message>
        <source>surveillance, financial checks ...</source>
        <translation>监控、资金核查……</translation>
    </message>
    <message>
        <source>Member added.</source>
        <translation>成员已加入。</translation>
    </message>
    <message>
        <source>A task of %1&apos;s division</source>
        <translation>%1 的分工任务</translation>
    </message>
    <message>
        <source>The task goes to the hub&apos;s task list in this centre&apos;s name; what the unit or centre reports comes back here.</source>
        <translation>任务以本中心名义进入枢纽任务清单；警力或中心的反馈会回到这里。</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>地点(&amp;H)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>no due time</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>&amp;Due in</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>Task issued through the hub.</source>
        <translation>任务已通过枢纽下达。</translation>
    </message>
    <message>
        <source>Its leads have no entities yet: chart a lead (C) and add them there.</source>
        <translation>其线索尚无实体：请在关系图中绘制线索（C）并添加实体。</translation>
    </message>
    <message>
        <source>A target of %1</source>
        <translation>%1 的目标</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>目标(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Who acts</source>
        <translation>执行方(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>行动(&amp;A)</translation>
    </message>
    <message>
        <source>Arrest, search, seize, watch ...</source>
        <translation>抓捕、搜查、扣押、监控……</translation>
    </message>
    <message>
        <source> min after go</source>
        <translation> 分钟（行动开始后）</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>What the unit should know</source>
        <translation>警力需要知道的情况</translation>
    </message>
    <message>
        <source>Target set.</source>
        <translation>目标已设定。</translation>
    </message>
    <message>
        <source>Today&apos;s report on %1</source>
        <translation>%1 的今日报告</translation>
    </message>
    <message>
        <source>What progressed today, what is planned for tomorrow</source>
        <translation>今天的进展，明天的计划</translation>
    </message>
    <message>
        <source>One report a day each; writing again today replaces yours. Ctrl+Enter saves.</source>
        <translation>每人每天一份报告；今天再次填写将替换您的报告。Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <source>Today&apos;s report saved.</source>
        <translation>今日报告已保存。</translation>
    </message>
    <message>
        <source>Propose a cluster operation</source>
        <translation>提议集群行动</translation>
    </message>
    <message numerus="yes">
        <source>The hub supervisor reviews it: one task per target (%n target(s)), each at its time after go.</source>
        <translation>
            <numerusform>由枢纽主管审核：每个目标一项任务（共 %n 个目标），各按行动开始后的时间执行。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>目的(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Suggest a go time</source>
        <translation>建议行动开始时间(&amp;S)</translation>
    </message>
    <message>
        <source>Proposed to the hub; its review comes back on the timeline.</source>
        <translation>已提议给枢纽；审核结果会显示在时间线上。</translation>
    </message>
    <message>
        <source>Withdraw the proposed operation</source>
        <translation>撤回行动提议</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>The hub reads it</source>
        <translation>枢纽会看到</translation>
    </message>
    <message>
        <source>Proposal withdrawn.</source>
        <translation>提议已撤回。</translation>
    </message>
    <message>
        <source>%1: suspend, reopen or close</source>
        <translation>%1：中止、重新开启或结束</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>改为(&amp;N)</translation>
    </message>
    <message>
        <source>At least five characters; it goes on the timeline</source>
        <translation>至少五个字符；将记入时间线</translation>
    </message>
    <message>
        <source>Status changed.</source>
        <translation>状态已更改。</translation>
    </message>
    <message>
        <source>Delete takes the selected member or target off: choose one on those tabs.</source>
        <translation>Delete 移除所选成员或目标：请在相应标签页中选择。</translation>
    </message>
    <message>
        <source>Take the target off</source>
        <translation>移除目标</translation>
    </message>
    <message>
        <source>Take the member off</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Taken off.</source>
        <translation>已移除。</translation>
    </message>
    <message>
        <source>Intelligence packages</source>
        <translation>情报包</translation>
    </message>
    <message>
        <source>A PDF for each target, for the unit that acts: what is known, the linked entities, the handling conditions. Personal data is masked unless the unit&apos;s role may see it; then say why it is shown.</source>
        <translation>为执行警力的每个目标生成一份 PDF：已知情况、关联实体、处置条件。个人数据会被遮蔽，除非该警力的角色有权查看；此时需说明显示的理由。</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>对象(&amp;F)</translation>
    </message>
    <message>
        <source>every target</source>
        <translation>全部目标</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Why shown</source>
        <translation>显示理由(&amp;W)</translation>
    </message>
    <message>
        <source>Only when a recipient may see personal data</source>
        <translation>仅当接收方有权查看个人数据时填写</translation>
    </message>
    <message>
        <source>Save the intelligence packages</source>
        <translation>保存情报包</translation>
    </message>
    <message>
        <source>Intelligence package: %1</source>
        <translation>情报包：%1</translation>
    </message>
    <message>
        <source>Hexhub · criminal intelligence · for %1 · %2</source>
        <translation>Hexhub · 刑事情报 · 发给 %1 · %2</translation>
    </message>
    <message>
        <source>personal data shown</source>
        <translation>显示个人数据</translation>
    </message>
    <message>
        <source>personal data masked</source>
        <translation>个人数据已遮蔽</translation>
    </message>
    <message>
        <source>For %1: %2, %3</source>
        <translation>发给 %1：%2，%3</translation>
    </message>
    <message>
        <source>Personal data is shown: the recipient&apos;s role may see it. Keep it to those who act.</source>
        <translation>显示了个人数据：接收方角色有权查看。仅限执行人员知悉。</translation>
    </message>
    <message>
        <source>Personal data is masked: the recipient&apos;s role may not see it.</source>
        <translation>个人数据已遮蔽：接收方角色无权查看。</translation>
    </message>
    <message>
        <source>The target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Who or what</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Linked entities</source>
        <translation>关联实体</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Handling conditions</source>
        <translation>处置条件</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>操作人</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n 条线索</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n 个目标</numerusform>
        </translation>
    </message>
    <message>
        <source>N new · M member · D task · T target (Shift+T many) · R today&apos;s report · O propose the operation · W withdraw · S status · K packages · C chart · Delete remove · Alt+1-5 tabs</source>
        <translation>N 新建 · M 成员 · D 任务 · T 目标（Shift+T 批量） · R 今日报告 · O 提议行动 · W 撤回 · S 状态 · K 情报包 · C 关系图 · Delete 移除 · Alt+1-5 切换标签</translation>
    </message>
    <message>
        <source>Targets of %1, many at once</source>
        <translation>%1 的目标（批量）</translation>
    </message>
    <message>
        <source>%1 (%2 of its leads)</source>
        <translation>%1（其线索中的 %2 个）</translation>
    </message>
    <message>
        <source>&amp;Units, in turn</source>
        <translation>警力（轮流分配）(&amp;U)</translation>
    </message>
    <message>
        <source>The units cannot be read.</source>
        <translation>无法读取警力。</translation>
    </message>
    <message>
        <source>Space ticks a unit. Entities that are targets already keep their line.</source>
        <translation>按空格勾选警力。已是目标的实体保留原有行。</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个目标。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wh&amp;en</source>
        <translation>时间(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;very</source>
        <translation>全部(&amp;V)</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::InvestigationService</name>
    <message>
        <source>No investigation %1.</source>
        <translation>没有侦查 %1。</translation>
    </message>
    <message>
        <source>Investigation %1 is %2; reopen it first.</source>
        <translation>侦查 %1 当前为%2；请先重新开启。</translation>
    </message>
    <message>
        <source>Say who the member is: a centre, a unit&apos;s call sign or an analyst&apos;s user name.</source>
        <translation>请说明成员是谁：中心、警力呼号或分析员用户名。</translation>
    </message>
    <message>
        <source>%1 is not one of Hexhub&apos;s centres.</source>
        <translation>%1 不是 Hexhub 的中心。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>警力</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>开立：%1</translation>
    </message>
    <message>
        <source>Now %1: %2</source>
        <translation>改为%1：%2</translation>
    </message>
    <message>
        <source>Lead %1 joined</source>
        <translation>线索 %1 并入</translation>
    </message>
    <message>
        <source>%1 joined as a member</source>
        <translation>%1 成为成员</translation>
    </message>
    <message>
        <source>%1 joined as a member (%2)</source>
        <translation>%1 成为成员（%2）</translation>
    </message>
    <message>
        <source>%1 left: %2</source>
        <translation>%1 退出：%2</translation>
    </message>
    <message>
        <source>Task %1 to %2: %3</source>
        <translation>任务 %1 交给 %2：%3</translation>
    </message>
    <message>
        <source>To %1: %2</source>
        <translation>交给 %1：%2</translation>
    </message>
    <message>
        <source>Operation task %1 (%2, %3): %4</source>
        <translation>行动任务 %1（%2，%3）：%4</translation>
    </message>
    <message>
        <source>Task %1 (%2, %3): %4</source>
        <translation>任务 %1（%2，%3）：%4</translation>
    </message>
    <message>
        <source>Target %1: %2 by %3</source>
        <translation>目标 %1：由 %3 %2</translation>
    </message>
    <message>
        <source>Target %1 taken off: %2</source>
        <translation>目标 %1 已移除：%2</translation>
    </message>
    <message>
        <source>Progress report for %1</source>
        <translation>%1 的进展报告</translation>
    </message>
    <message numerus="yes">
        <source>Cluster operation %1 proposed to the hub (%n target(s))</source>
        <translation>
            <numerusform>已向枢纽提议集群行动 %1（%n 个目标）</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal withdrawn: %1</source>
        <translation>提议已撤回：%1</translation>
    </message>
    <message>
        <source>The hub approved the operation (operation %1)</source>
        <translation>枢纽已批准行动（行动 %1）</translation>
    </message>
    <message>
        <source>The hub approved the operation (operation %1): %2</source>
        <translation>枢纽已批准行动（行动 %1）：%2</translation>
    </message>
    <message>
        <source>The hub rejected the operation: %1</source>
        <translation>枢纽驳回了行动：%1</translation>
    </message>
    <message>
        <source>Operation %1 %2</source>
        <translation>行动 %1 %2</translation>
    </message>
    <message>
        <source>see investigations</source>
        <translation>查看侦查</translation>
    </message>
    <message>
        <source>open investigations</source>
        <translation>开立侦查</translation>
    </message>
    <message>
        <source>Give the investigation a title of 2 to 200 characters.</source>
        <translation>请为侦查填写 2 到 200 个字符的标题。</translation>
    </message>
    <message>
        <source>Keep the summary under 4,000 characters.</source>
        <translation>摘要请控制在 4,000 个字符以内。</translation>
    </message>
    <message>
        <source>Lead %1 is in another investigation already.</source>
        <translation>线索 %1 已在另一个侦查中。</translation>
    </message>
    <message>
        <source>lead analyst</source>
        <translation>主办分析员</translation>
    </message>
    <message>
        <source>change investigations</source>
        <translation>更改侦查</translation>
    </message>
    <message>
        <source>Say why; it goes on the investigation&apos;s timeline.</source>
        <translation>请说明原因；将记入侦查时间线。</translation>
    </message>
    <message>
        <source>Investigation %1 is %2 already.</source>
        <translation>侦查 %1 已经是%2。</translation>
    </message>
    <message>
        <source>Its operation proposal awaits the hub&apos;s review; withdraw it before closing.</source>
        <translation>其行动提议正等待枢纽审核；请先撤回再结束。</translation>
    </message>
    <message>
        <source>Investigation %1 was changed on another desk meanwhile; look at it again.</source>
        <translation>侦查 %1 已在另一席位被更改；请重新查看。</translation>
    </message>
    <message>
        <source>Lead %1 is in this investigation already.</source>
        <translation>线索 %1 已在本侦查中。</translation>
    </message>
    <message>
        <source>Keep the member&apos;s role under 100 characters.</source>
        <translation>成员职责请控制在 100 个字符以内。</translation>
    </message>
    <message>
        <source>%1 is a member already.</source>
        <translation>%1 已是成员。</translation>
    </message>
    <message>
        <source>%1 is no longer a member.</source>
        <translation>%1 已不是成员。</translation>
    </message>
    <message>
        <source>Say why the member leaves; it goes on the investigation&apos;s timeline.</source>
        <translation>请说明成员退出的原因；将记入侦查时间线。</translation>
    </message>
    <message>
        <source>No such member of this investigation.</source>
        <translation>本侦查没有该成员。</translation>
    </message>
    <message>
        <source>divide an investigation&apos;s tasks</source>
        <translation>分配侦查任务</translation>
    </message>
    <message>
        <source>hand out hub tasks</source>
        <translation>下达枢纽任务</translation>
    </message>
    <message>
        <source>No line %1 of the task division.</source>
        <translation>任务分工中没有第 %1 行。</translation>
    </message>
    <message>
        <source>Joint investigation: %1</source>
        <translation>联合侦查：%1</translation>
    </message>
    <message>
        <source>No such target.</source>
        <translation>没有该目标。</translation>
    </message>
    <message>
        <source>Say which unit or centre acts on the target.</source>
        <translation>请说明由哪个警力或中心对目标采取行动。</translation>
    </message>
    <message>
        <source>Say what the unit does (2 to 200 characters): search, arrest, seize, watch ...</source>
        <translation>请说明警力要做什么（2 到 200 个字符）：搜查、抓捕、扣押、监控……</translation>
    </message>
    <message>
        <source>A target&apos;s time after go is 0 minutes to 7 days.</source>
        <translation>目标在行动开始后的时间为 0 分钟到 7 天。</translation>
    </message>
    <message>
        <source>The target&apos;s position is not on the earth.</source>
        <translation>目标位置不在地球上。</translation>
    </message>
    <message>
        <source>No entity %1.</source>
        <translation>没有实体 %1。</translation>
    </message>
    <message>
        <source>Entity %1 was merged into %2; make that one the target.</source>
        <translation>实体 %1 已合并到 %2；请以后者为目标。</translation>
    </message>
    <message>
        <source>The target was changed on another desk meanwhile; look at it again.</source>
        <translation>目标已在另一席位被更改；请重新查看。</translation>
    </message>
    <message>
        <source>Say why the target is taken off; it goes on the investigation&apos;s timeline.</source>
        <translation>请说明移除目标的原因；将记入侦查时间线。</translation>
    </message>
    <message>
        <source>report on investigations</source>
        <translation>报告侦查进展</translation>
    </message>
    <message>
        <source>Say what progressed today, in a sentence or more.</source>
        <translation>请用至少一句话说明今天的进展。</translation>
    </message>
    <message>
        <source>Keep a day&apos;s report under 8,000 characters.</source>
        <translation>每日报告请控制在 8,000 个字符以内。</translation>
    </message>
    <message>
        <source>No report for %1.</source>
        <translation>%1 没有报告。</translation>
    </message>
    <message>
        <source>propose a cluster operation</source>
        <translation>提议集群行动</translation>
    </message>
    <message>
        <source>Give the investigation its targets first: who acts on whom, where, when after go.</source>
        <translation>请先为侦查设定目标：谁对谁、在哪里、行动开始后何时采取行动。</translation>
    </message>
    <message>
        <source>The go time suggested has passed.</source>
        <translation>建议的行动开始时间已过。</translation>
    </message>
    <message>
        <source>withdraw a proposed operation</source>
        <translation>撤回行动提议</translation>
    </message>
    <message>
        <source>Say why the proposal is withdrawn; the hub reads it.</source>
        <translation>请说明撤回提议的原因；枢纽会看到。</translation>
    </message>
    <message>
        <source>Investigation %1 has proposed no operation.</source>
        <translation>侦查 %1 尚未提议行动。</translation>
    </message>
    <message>
        <source>make intelligence packages</source>
        <translation>生成情报包</translation>
    </message>
    <message>
        <source>The investigation has no targets to make packages for.</source>
        <translation>该侦查没有可生成情报包的目标。</translation>
    </message>
    <message>
        <source>%1 may see personal data: give the reason the package shows it; it goes on record.</source>
        <translation>%1 有权查看个人数据：请说明情报包显示个人数据的理由；将记录在案。</translation>
    </message>
    <message>
        <source>intelligence package for %1: %2</source>
        <translation>发给 %1 的情报包：%2</translation>
    </message>
    <message>
        <source>the hub</source>
        <translation>枢纽</translation>
    </message>
    <message>
        <source>Political security joint control</source>
        <translation>政治安全联合管控</translation>
    </message>
    <message>
        <source>Basic control</source>
        <translation>基础管控</translation>
    </message>
    <message>
        <source>Criminal intelligence</source>
        <translation>刑事情报</translation>
    </message>
    <message>
        <source>Big-data investigation</source>
        <translation>大数据侦查</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>案件管理</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>警力 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s): %1 by %2</source>
        <translation>
            <numerusform>%n 个目标：由 %2 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Say which units or centres act on the targets.</source>
        <translation>请说明由哪些警力或中心对目标采取行动。</translation>
    </message>
    <message>
        <source>At most 500 targets at once.</source>
        <translation>一次最多 500 个目标。</translation>
    </message>
    <message>
        <source>Open investigation %1</source>
        <translation>立案侦查 %1</translation>
    </message>
    <message>
        <source>Investigation %1: %2</source>
        <translation>侦查 %1：%2</translation>
    </message>
    <message>
        <source>Lead %1 joins investigation %2</source>
        <translation>线索 %1 并入侦查 %2</translation>
    </message>
    <message>
        <source>%1 joins investigation %2</source>
        <translation>%1 加入侦查 %2</translation>
    </message>
    <message>
        <source>A member leaves investigation %1</source>
        <translation>一名成员退出侦查 %1</translation>
    </message>
    <message>
        <source>Task for %1: %2</source>
        <translation>给 %1 的任务：%2</translation>
    </message>
    <message>
        <source>Target entity %1 in investigation %2</source>
        <translation>侦查 %2 中的目标实体 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) in investigation %1</source>
        <translation>
            <numerusform>侦查 %1 中的 %n 个目标</numerusform>
        </translation>
    </message>
    <message>
        <source>Take a target off investigation %1</source>
        <translation>从侦查 %1 中撤下一个目标</translation>
    </message>
    <message>
        <source>Today&apos;s report on investigation %1</source>
        <translation>侦查 %1 的今日报告</translation>
    </message>
    <message>
        <source>Propose a cluster operation from investigation %1</source>
        <translation>由侦查 %1 提请集群战役</translation>
    </message>
    <message>
        <source>Withdraw investigation %1&apos;s proposal</source>
        <translation>撤回侦查 %1 的提请</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LeadDesk</name>
    <message>
        <source>Search leads by words or reference (Ctrl+F)</source>
        <translation>按关键词或编号搜索线索（Ctrl+F）</translation>
    </message>
    <message>
        <source>To triage: new and assessing</source>
        <translation>待分流：新线索和研判中</translation>
    </message>
    <message>
        <source>Open: not closed</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>指派给我的</translation>
    </message>
    <message>
        <source>Past their limit</source>
        <translation>已超时限</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every source</source>
        <translation>全部来源</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n 条线索</numerusform>
        </translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置条件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>missed %1 ago</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Record a tip</source>
        <translation>登记线报</translation>
    </message>
    <message>
        <source>What it is about</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>One line</source>
        <translation>一句话概括</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Who or what gave it</source>
        <translation>线报来源</translation>
    </message>
    <message>
        <source>Protected: masked everywhere, revealed only with a reason</source>
        <translation>受保护：处处脱敏，仅在说明理由后显示</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Investigation of reported offences</source>
        <translation>对所报违法犯罪的调查</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>%1 recorded; it is to be graded within the assess limit.</source>
        <translation>%1 已登记，须在研判时限内评级。</translation>
    </message>
    <message>
        <source>Grading scheme</source>
        <translation>评级体系</translation>
    </message>
    <message>
        <source>New grades are given in the scheme chosen here; leads graded before keep theirs.</source>
        <translation>新的评级按此处选择的体系给出；此前已评级的线索保留原评级。</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>体系</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>At least five characters; it goes on record</source>
        <translation>至少五个字符；将记录在案</translation>
    </message>
    <message>
        <source>&amp;Leads</source>
        <translation>线索(&amp;L)</translation>
    </message>
    <message>
        <source>Link &amp;chart</source>
        <translation>关系图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Investigations</source>
        <translation>侦查(&amp;I)</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LeadPanel</name>
    <message>
        <source>Protected source: %1</source>
        <translation>受保护来源：%1</translation>
    </message>
    <message>
        <source>the tip&apos;s protected source</source>
        <translation>线报的受保护来源</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Grade (G)</source>
        <translation>评级 (G)</translation>
    </message>
    <message>
        <source>Assign (A)</source>
        <translation>指派 (A)</translation>
    </message>
    <message>
        <source>Status (S)</source>
        <translation>状态 (S)</translation>
    </message>
    <message>
        <source>Merge (M)</source>
        <translation>合并 (M)</translation>
    </message>
    <message>
        <source>May repeat (M merges)</source>
        <translation>可能重复（按 M 合并）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No lead in view</source>
        <translation>未选择线索</translation>
    </message>
    <message>
        <source>Pick a lead from the queue, or record a tip (T).</source>
        <translation>从队列中选择线索，或登记线报 (T)。</translation>
    </message>
    <message>
        <source>Lead %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <source>Handling: %1</source>
        <translation>处置条件：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, received %2</source>
        <translation>%1，接收于 %2</translation>
    </message>
    <message>
        <source>%1: %2. Graded by %3: %4</source>
        <translation>%1：%2。评级人 %3：%4</translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation>尚未评级</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source> · nobody assigned</source>
        <translation> · 未指派</translation>
    </message>
    <message>
        <source> · assigned to %1</source>
        <translation> · 已指派给 %1</translation>
    </message>
    <message>
        <source>none running</source>
        <translation>无进行中的时限</translation>
    </message>
    <message>
        <source>missed: was due %1</source>
        <translation>已超时：应于 %1 完成</translation>
    </message>
    <message>
        <source>due %1 (in %2)</source>
        <translation>%1 到期（还剩 %2）</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message numerus="yes">
        <source>Evidence: model %1 version %2, score %3, %n row(s) behind it (masked).</source>
        <translation>
            <numerusform>证据：模型 %1 第 %2 版，得分 %3，依据 %n 行记录（已脱敏）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No likely duplicate.</source>
        <translation>无疑似重复。</translation>
    </message>
    <message>
        <source>Grade lead %1</source>
        <translation>为线索 %1 评级</translation>
    </message>
    <message>
        <source>Graded in the %1. Grade the source and the information separately.</source>
        <translation>按%1评级。来源和信息分别评级。</translation>
    </message>
    <message>
        <source>Source reliability</source>
        <translation>来源可靠性</translation>
    </message>
    <message>
        <source>Source evaluation</source>
        <translation>来源评价</translation>
    </message>
    <message>
        <source>Information credibility</source>
        <translation>信息可信度</translation>
    </message>
    <message>
        <source>Intelligence assessment</source>
        <translation>情报评估</translation>
    </message>
    <message>
        <source>Handling code</source>
        <translation>处置代码</translation>
    </message>
    <message>
        <source>P: lawful sharing permitted</source>
        <translation>P：允许依法共享</translation>
    </message>
    <message>
        <source>C: conditions apply (say which)</source>
        <translation>C：附条件（请写明）</translation>
    </message>
    <message>
        <source>Handling conditions</source>
        <translation>处置条件</translation>
    </message>
    <message>
        <source>Who may see it, what may be done with it</source>
        <translation>谁可查看、可作何用</translation>
    </message>
    <message>
        <source>Why this grade</source>
        <translation>评级理由</translation>
    </message>
    <message>
        <source>At least five characters; it goes on record</source>
        <translation>至少五个字符；将记录在案</translation>
    </message>
    <message>
        <source>%1 graded.</source>
        <translation>%1 已评级。</translation>
    </message>
    <message>
        <source>Assign lead %1</source>
        <translation>指派线索 %1</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>%1 assigned.</source>
        <translation>%1 已指派。</translation>
    </message>
    <message>
        <source>Status of lead %1</source>
        <translation>线索 %1 的状态</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>变更为</translation>
    </message>
    <message>
        <source>%1 cannot move from %2; grade it first.</source>
        <translation>%1 无法从%2变更；请先评级。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Needed to close or to open again; it goes on record</source>
        <translation>关闭或重新打开时必填；将记录在案</translation>
    </message>
    <message>
        <source>%1 moved.</source>
        <translation>%1 状态已变更。</translation>
    </message>
    <message>
        <source>Merge lead %1 into another</source>
        <translation>将线索 %1 合并到其他线索</translation>
    </message>
    <message>
        <source>%1 is closed as a repeat; what it knows passes to the lead you choose.</source>
        <translation>%1 将作为重复线索关闭；其掌握的内容转入你选择的线索。</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Why they are the same</source>
        <translation>为何相同</translation>
    </message>
    <message>
        <source>At least five characters; it goes on record on both</source>
        <translation>至少五个字符；将记录在两条线索上</translation>
    </message>
    <message>
        <source>%1 merged.</source>
        <translation>%1 已合并。</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联对象</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Nothing linked yet.</source>
        <translation>尚无关联。</translation>
    </message>
    <message>
        <source>Choose a lead first.</source>
        <translation>请先选择线索。</translation>
    </message>
    <message>
        <source>Save the lead as a PDF report</source>
        <translation>将线索保存为 PDF 报告</translation>
    </message>
    <message>
        <source>Lead %1: %2</source>
        <translation>线索 %1：%2</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>Protected source</source>
        <translation>受保护来源</translation>
    </message>
    <message>
        <source>withheld (revealed only at the desk, with a reason)</source>
        <translation>不予显示（仅可在工作席说明理由后查看）</translation>
    </message>
    <message>
        <source>Hexhub · criminal intelligence · %1 · %2 · personal data masked</source>
        <translation>Hexhub · 刑事情报 · %1 · %2 · 个人信息已脱敏</translation>
    </message>
    <message>
        <source>About the lead</source>
        <translation>线索概况</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Linked to (masked)</source>
        <translation>关联对象（已脱敏）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LeadService</name>
    <message>
        <source>No lead %1.</source>
        <translation>没有线索 %1。</translation>
    </message>
    <message>
        <source>see leads</source>
        <translation>查看线索</translation>
    </message>
    <message>
        <source>assign leads</source>
        <translation>指派线索</translation>
    </message>
    <message>
        <source>choose the grading scheme</source>
        <translation>选择评级体系</translation>
    </message>
    <message>
        <source>Say why the scheme changes; it goes on record.</source>
        <translation>请说明更改体系的理由；将记录在案。</translation>
    </message>
    <message>
        <source>Someone changed the grading scheme meanwhile; look at it again.</source>
        <translation>其他人刚刚更改了评级体系；请重新查看。</translation>
    </message>
    <message>
        <source>record a tip</source>
        <translation>登记线报</translation>
    </message>
    <message>
        <source>Say in a line what the tip is about.</source>
        <translation>请用一句话说明线报内容。</translation>
    </message>
    <message>
        <source>Keep the summary to a line (under 300 characters); put the rest in the details.</source>
        <translation>摘要请控制在一句话（300 个字符以内）；其余写入详情。</translation>
    </message>
    <message>
        <source>Keep the details under 20,000 characters.</source>
        <translation>详情请控制在 20000 个字符以内。</translation>
    </message>
    <message>
        <source>Record who or what gave the tip; it is protected and shown to nobody without a reason.</source>
        <translation>请记录线报来源；来源受保护，无理由不向任何人显示。</translation>
    </message>
    <message>
        <source>Give the legal basis for keeping this tip.</source>
        <translation>请给出保存此线报的法律依据。</translation>
    </message>
    <message>
        <source>Keep a tip between a day and ten years.</source>
        <translation>线报保存期限须在一天到十年之间。</translation>
    </message>
    <message>
        <source>grade a lead</source>
        <translation>为线索评级</translation>
    </message>
    <message>
        <source>Say why you grade the lead so; it goes on record with the grade.</source>
        <translation>请说明评级理由；将与评级一同记录在案。</translation>
    </message>
    <message>
        <source>This deployment grades in the %1; grade the lead in it.</source>
        <translation>本部署采用%1评级；请按此体系评级。</translation>
    </message>
    <message>
        <source>%1 is closed; open it again before grading it.</source>
        <translation>%1 已关闭；请先重新打开再评级。</translation>
    </message>
    <message>
        <source>Another analyst changed this lead meanwhile; look at it again.</source>
        <translation>其他分析员刚刚修改了此线索；请重新查看。</translation>
    </message>
    <message>
        <source>assign a lead</source>
        <translation>指派线索</translation>
    </message>
    <message>
        <source>%1 may not triage leads; assign it to an analyst who may.</source>
        <translation>%1 无权分流线索；请指派给有权限的分析员。</translation>
    </message>
    <message>
        <source>%1 is closed; open it again before assigning it.</source>
        <translation>%1 已关闭；请先重新打开再指派。</translation>
    </message>
    <message>
        <source>move a lead</source>
        <translation>变更线索状态</translation>
    </message>
    <message>
        <source>Grade %1 before you develop or action it.</source>
        <translation>请先为 %1 评级，再经营或处置。</translation>
    </message>
    <message>
        <source>%1 cannot go from %2 to %3.</source>
        <translation>%1 无法从%2变为%3。</translation>
    </message>
    <message>
        <source>Say why the lead is closed; it goes on record.</source>
        <translation>请说明关闭线索的理由；将记录在案。</translation>
    </message>
    <message>
        <source>Say why the lead is opened again; it goes on record.</source>
        <translation>请说明重新打开线索的理由；将记录在案。</translation>
    </message>
    <message>
        <source>merge leads</source>
        <translation>合并线索</translation>
    </message>
    <message>
        <source>A lead is not merged into itself.</source>
        <translation>线索不能合并到自身。</translation>
    </message>
    <message>
        <source>Say why the leads are the same; it goes on record on both.</source>
        <translation>请说明两条线索相同的理由；将记录在两条线索上。</translation>
    </message>
    <message>
        <source>Only open leads are merged; %1 is closed.</source>
        <translation>只能合并未关闭的线索；%1 已关闭。</translation>
    </message>
    <message>
        <source>Merged into %1: %2</source>
        <translation>已合并到 %1：%2</translation>
    </message>
    <message>
        <source>see a tip&apos;s protected source</source>
        <translation>查看线报的受保护来源</translation>
    </message>
    <message>
        <source>Give the reason you need the tip&apos;s source; it goes on record.</source>
        <translation>请说明需要线报来源的理由；将记录在案。</translation>
    </message>
    <message>
        <source>A hit handed on without its number cannot become a lead.</source>
        <translation>移交的命中没有编号，无法成为线索。</translation>
    </message>
    <message>
        <source>The server did not take hit %1 in as a lead.</source>
        <translation>服务器未将命中 %1 接收为线索。</translation>
    </message>
    <message>
        <source>Hit %1 handed on by big-data investigation</source>
        <translation>大数据侦查中心移交的命中 %1</translation>
    </message>
    <message>
        <source>An incident sent without its number cannot become a lead.</source>
        <translation>移送的警情没有编号，无法成为线索。</translation>
    </message>
    <message>
        <source>The server did not take incident %1 in as a lead.</source>
        <translation>服务器未将警情 %1 接收为线索。</translation>
    </message>
    <message>
        <source>No incident %1 to take in.</source>
        <translation>没有可接收的警情 %1。</translation>
    </message>
    <message>
        <source>A lead is referred by one of the other centres, in its own name (not by %1).</source>
        <translation>线索须由其他中心之一以本中心名义移交（而非 %1）。</translation>
    </message>
    <message>
        <source>A referred lead names the record it comes from.</source>
        <translation>移交的线索须注明其来源记录。</translation>
    </message>
    <message>
        <source>Keep the referred record&apos;s name under 120 characters.</source>
        <translation>移交记录的名称请控制在 120 个字符以内。</translation>
    </message>
    <message>
        <source>A referred lead says what it is about in 5 to 300 characters.</source>
        <translation>移交的线索须用 5 到 300 个字符说明内容。</translation>
    </message>
    <message>
        <source>A referred lead gives the legal basis for passing it on.</source>
        <translation>移交的线索须写明移交的法律依据。</translation>
    </message>
    <message>
        <source>Keep a referred lead&apos;s details under 4,000 characters.</source>
        <translation>移交线索的详情请控制在 4,000 个字符以内。</translation>
    </message>
    <message>
        <source>The server did not take %1&apos;s referral in as a lead.</source>
        <translation>服务器未将 %1 移交的线索接收为线索。</translation>
    </message>
    <message>
        <source>Grade leads in the %1</source>
        <translation>线索改用%1评级</translation>
    </message>
    <message>
        <source>Record a tip: %1</source>
        <translation>登记举报：%1</translation>
    </message>
    <message>
        <source>Grade lead %1 %2</source>
        <translation>线索 %1 评为 %2</translation>
    </message>
    <message>
        <source>Assign lead %1 to nobody</source>
        <translation>线索 %1 取消指派</translation>
    </message>
    <message>
        <source>Assign lead %1 to %2</source>
        <translation>线索 %1 指派给 %2</translation>
    </message>
    <message>
        <source>Move lead %1 to %2</source>
        <translation>线索 %1 转为%2</translation>
    </message>
    <message>
        <source>Merge lead %1 into lead %2</source>
        <translation>将线索 %1 合并入线索 %2</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::Leads</name>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>assessing</source>
        <translation>研判中</translation>
    </message>
    <message>
        <source>developing</source>
        <translation>经营中</translation>
    </message>
    <message>
        <source>actioned</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>big-data hit</source>
        <translation>大数据命中</translation>
    </message>
    <message>
        <source>hub incident</source>
        <translation>枢纽警情</translation>
    </message>
    <message>
        <source>another centre</source>
        <translation>其他中心</translation>
    </message>
    <message>
        <source>tip</source>
        <translation>线报</translation>
    </message>
    <message>
        <source>Admiralty code (A-F, 1-6)</source>
        <translation>海军部评级法（A-F，1-6）</translation>
    </message>
    <message>
        <source>3x5x2 (1-3, A-E, P/C)</source>
        <translation>3x5x2（1-3，A-E，P/C）</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>reliable</source>
        <translation>可靠</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>通常可靠</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>较为可靠</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>通常不可靠</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>不可靠</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>可靠性无法判断</translation>
    </message>
    <message>
        <source>untested source</source>
        <translation>未经检验的来源</translation>
    </message>
    <message>
        <source>not reliable</source>
        <translation>不可靠</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已证实</translation>
    </message>
    <message>
        <source>probably true</source>
        <translation>很可能属实</translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation>可能属实</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>improbable</source>
        <translation>不大可能属实</translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation>真实性无法判断</translation>
    </message>
    <message>
        <source>known directly</source>
        <translation>直接知悉</translation>
    </message>
    <message>
        <source>known indirectly, corroborated</source>
        <translation>间接知悉，已佐证</translation>
    </message>
    <message>
        <source>known indirectly</source>
        <translation>间接知悉</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>suspected to be false</source>
        <translation>疑似虚假</translation>
    </message>
    <message>
        <source>Grade the source&apos;s reliability A to F.</source>
        <translation>请按 A 到 F 评定来源可靠性。</translation>
    </message>
    <message>
        <source>Grade the source 1 to 3.</source>
        <translation>请按 1 到 3 评定来源。</translation>
    </message>
    <message>
        <source>Grade the information&apos;s credibility 1 to 6.</source>
        <translation>请按 1 到 6 评定信息可信度。</translation>
    </message>
    <message>
        <source>Grade the intelligence A to E.</source>
        <translation>请按 A 到 E 评定情报。</translation>
    </message>
    <message>
        <source>The admiralty code has no handling code; write the handling conditions in words.</source>
        <translation>海军部评级法没有处置代码；请用文字写明处置条件。</translation>
    </message>
    <message>
        <source>Give the handling code: P (lawful sharing permitted) or C (conditions apply).</source>
        <translation>请给出处置代码：P（允许依法共享）或 C（附条件）。</translation>
    </message>
    <message>
        <source>Handling code C needs its conditions, in words.</source>
        <translation>处置代码 C 须用文字写明条件。</translation>
    </message>
    <message>
        <source>Keep the handling conditions under 500 characters.</source>
        <translation>处置条件请控制在 500 个字符以内。</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>not graded yet; treat as restricted</source>
        <translation>尚未评级；按受限处理</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · lawful sharing permitted</source>
        <translation>%1 · 允许依法共享</translation>
    </message>
    <message>
        <source>%1 · no conditions recorded</source>
        <translation>%1 · 未记录条件</translation>
    </message>
    <message>
        <source>Lead %1 received (%2): %3</source>
        <translation>接收线索 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Lead %1 received</source>
        <translation>接收线索 %1</translation>
    </message>
    <message>
        <source>New lead %1</source>
        <translation>新线索 %1</translation>
    </message>
    <message>
        <source>Lead %1 graded %2: %3</source>
        <translation>线索 %1 评级为 %2：%3</translation>
    </message>
    <message>
        <source>Lead %1 assigned to nobody</source>
        <translation>线索 %1 取消指派</translation>
    </message>
    <message>
        <source>Lead %1 assigned to %2</source>
        <translation>线索 %1 指派给 %2</translation>
    </message>
    <message>
        <source>Lead %1 %2</source>
        <translation>线索 %1：%2</translation>
    </message>
    <message>
        <source>Lead %1 %2: %3</source>
        <translation>线索 %1：%2，%3</translation>
    </message>
    <message>
        <source>Lead %1 merged into %2: %3</source>
        <translation>线索 %1 合并到 %2：%3</translation>
    </message>
    <message>
        <source>Lead %1 took in its duplicate %2: %3</source>
        <translation>线索 %1 并入重复线索 %2：%3</translation>
    </message>
    <message>
        <source>Lead %1 updated</source>
        <translation>线索 %1 已更新</translation>
    </message>
    <message>
        <source>Leads are graded in the %1 from now: %2</source>
        <translation>线索自即日起按%1评级：%2</translation>
    </message>
    <message>
        <source>Joint investigation opened</source>
        <translation>联合侦查已启动</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Lead %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LinkChart</name>
    <message>
        <source>New chart</source>
        <translation>新图表</translation>
    </message>
    <message>
        <source>Find: a phone, an account, a plate, a name as written (Ctrl+F)</source>
        <translation>查找：完整的电话、账户、车牌或姓名（Ctrl+F）</translation>
    </message>
    <message>
        <source>Found items: Enter adds one to the chart</source>
        <translation>查找结果：按回车加入图表</translation>
    </message>
    <message>
        <source>Its links, and where each came from:</source>
        <translation>其关系及各自来源：</translation>
    </message>
    <message>
        <source>Likely the same (Shift+M merges):</source>
        <translation>可能为同一实体（Shift+M 合并）：</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>the same size</source>
        <translation>大小相同</translation>
    </message>
    <message>
        <source>degree</source>
        <translation>度数</translation>
    </message>
    <message>
        <source>betweenness</source>
        <translation>中介中心度</translation>
    </message>
    <message>
        <source>closeness</source>
        <translation>接近中心度</translation>
    </message>
    <message>
        <source>eigenvector</source>
        <translation>特征向量中心度</translation>
    </message>
    <message>
        <source>&amp;Size by</source>
        <translation>大小依据(&amp;S)</translation>
    </message>
    <message>
        <source>Colo&amp;ur by</source>
        <translation>颜色依据(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Badge</source>
        <translation>标记(&amp;B)</translation>
    </message>
    <message>
        <source>every item</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>core ≥ </source>
        <translation>核数 ≥ </translation>
    </message>
    <message>
        <source>&amp;K-core</source>
        <translation>K 核(&amp;K)</translation>
    </message>
    <message>
        <source>Links from</source>
        <translation>关系起始</translation>
    </message>
    <message>
        <source>Links to</source>
        <translation>关系截止</translation>
    </message>
    <message>
        <source>Chart messages</source>
        <translation>图表消息</translation>
    </message>
    <message>
        <source>Keys on the chart: arrows move between items, Shift+arrows pan, + and - zoom, 0 fits. E expands, Shift+E n steps, M marks, P finds the path from the marked item, L links them, A adds an item, R reveals a label, Space pins, F H O lay out, T the timeline, N a note, Delete takes an item off the chart, Ctrl+S saves, Ctrl+O opens, X exports.</source>
        <translation>图表按键：方向键在各项间移动，Shift+方向键平移，+ 和 - 缩放，0 适应窗口。E 扩展，Shift+E 扩展多步，M 标记，P 查找与标记项之间的路径，L 建立关系，A 添加实体，R 查看标签，空格固定，F H O 布局，T 时间轴，N 批注，Delete 从图上移除，Ctrl+S 保存，Ctrl+O 打开，X 导出。</translation>
    </message>
    <message>
        <source>Marked %1: P finds the path to another item, L links it.</source>
        <translation>已标记 %1：P 查找到另一项的路径，L 建立关系。</translation>
    </message>
    <message>
        <source>Pinned: the layouts leave it where it is.</source>
        <translation>已固定：布局时保持不动。</translation>
    </message>
    <message>
        <source>Unpinned.</source>
        <translation>已取消固定。</translation>
    </message>
    <message>
        <source> (on the chart)</source>
        <translation>（已在图上）</translation>
    </message>
    <message>
        <source>Nothing found. Type an identifier whole (a phone number, an account, a plate, a document number, a name as written) or words of an organisation&apos;s name.</source>
        <translation>未找到。请输入完整标识（电话号码、账户、车牌、证件号码或姓名），或单位名称中的词语。</translation>
    </message>
    <message numerus="yes">
        <source>%n found: Enter adds the one selected.</source>
        <translation>
            <numerusform>找到 %n 项：按回车将选中项加入图表。</numerusform>
        </translation>
    </message>
    <message>
        <source>The lead has no entities yet: add them here (A) and link them (L).</source>
        <translation>该线索尚无实体：可在此添加（A）并建立关系（L）。</translation>
    </message>
    <message>
        <source>More items were reachable than the chart takes at once; the nearest are shown.</source>
        <translation>可达项超过图表一次可容纳的数量，仅显示最近的项。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from elsewhere since the chart was opened, marked in orange.</source>
        <translation>
            <numerusform>打开图表后，其他地方有 %n 处改动，以橙色标出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an item first (the arrows move between items).</source>
        <translation>请先选择一项（方向键在各项之间移动）。</translation>
    </message>
    <message>
        <source>Expanding...</source>
        <translation>正在扩展……</translation>
    </message>
    <message>
        <source>Expand how many steps?</source>
        <translation>向外扩展几步？</translation>
    </message>
    <message>
        <source>&amp;Steps out</source>
        <translation>向外步数(&amp;S)</translation>
    </message>
    <message>
        <source>Mark one item (M), then move to another and press P: the shortest path between them is found in the store.</source>
        <translation>先标记一项（M），再移到另一项按 P：将在库中查找两者之间的最短路径。</translation>
    </message>
    <message>
        <source>Finding the shortest path...</source>
        <translation>正在查找最短路径……</translation>
    </message>
    <message>
        <source>No chain of at most 6 links ties the two.</source>
        <translation>两者之间没有 6 步以内的关系链。</translation>
    </message>
    <message numerus="yes">
        <source>The shortest path: %n link(s), drawn thick.</source>
        <translation>
            <numerusform>最短路径：%n 条关系，以粗线显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark the item the link starts from (M), move to where it goes, and press L.</source>
        <translation>先标记关系的起点（M），移到终点后按 L。</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>关联 %1 与 %2</translation>
    </message>
    <message>
        <source>&amp;What ties them</source>
        <translation>关系(&amp;W)</translation>
    </message>
    <message>
        <source>From the first to the second only</source>
        <translation>仅由前者指向后者</translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation>可信度(&amp;C)</translation>
    </message>
    <message>
        <source>Came &amp;from</source>
        <translation>来源(&amp;F)</translation>
    </message>
    <message>
        <source>Which one: &quot;call records 2026-03&quot;, &quot;lead L-2026-00042&quot;, &quot;dataset 7 row 1234&quot;</source>
        <translation>具体出处：“2026-03 通话记录”“线索 L-2026-00042”“数据集 7 第 1234 行”</translation>
    </message>
    <message>
        <source>&amp;Where exactly</source>
        <translation>具体出处(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>证据(&amp;E)</translation>
    </message>
    <message>
        <source>Linked: %1.</source>
        <translation>已建立关系：%1。</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加实体</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <source>A person needs the case it belongs to, or is added from its lead</source>
        <translation>人员须填写所属案件，或从其线索中添加</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>Legal &amp;basis</source>
        <translation>法律依据(&amp;B)</translation>
    </message>
    <message>
        <source>Already known, likely the &amp;same (use the one selected instead):</source>
        <translation>已有记录，可能是同一实体（可改用选中项）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Use the one selected</source>
        <translation>使用选中项(&amp;U)</translation>
    </message>
    <message>
        <source>The item already known is on the chart; nothing new was added.</source>
        <translation>已将已有实体加入图表，未新增实体。</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Nothing is known that this item likely repeats.</source>
        <translation>没有与此项可能重复的记录。</translation>
    </message>
    <message>
        <source>Merge into %1</source>
        <translation>并入 %1</translation>
    </message>
    <message>
        <source>Why are the two the same? The links and leads of %1 pass to the other; it goes on record.</source>
        <translation>为何两者是同一实体？%1 的关系和线索将转至另一方；理由将被记录。</translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <source>Reveal %1</source>
        <translation>查看 %1</translation>
    </message>
    <message>
        <source>Why do you need to see it? It goes on record.</source>
        <translation>为何需要查看？理由将被记录。</translation>
    </message>
    <message>
        <source>Revealed, on record; it stays on this chart until it is closed and is never saved with it.</source>
        <translation>已查看并记录；仅在本图关闭前显示，不会随图表保存。</translation>
    </message>
    <message>
        <source>A note on the chart</source>
        <translation>图上批注</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>批注(&amp;N)</translation>
    </message>
    <message>
        <source>Note added; it is saved with the chart.</source>
        <translation>已添加批注，将随图表保存。</translation>
    </message>
    <message>
        <source>Laying out...</source>
        <translation>正在布局……</translation>
    </message>
    <message>
        <source>Laid out in layers from the current item.</source>
        <translation>已从当前项分层布局。</translation>
    </message>
    <message>
        <source>Laid out in circles, by community.</source>
        <translation>已按社群环形布局。</translation>
    </message>
    <message>
        <source>Laid out by the links&apos; pull; pinned items stayed.</source>
        <translation>已按关系引力布局；固定项保持不动。</translation>
    </message>
    <message>
        <source>Back from the timeline.</source>
        <translation>已退出时间轴。</translation>
    </message>
    <message>
        <source>The timeline: each item where it first appears in a link, a lane per kind; T again goes back.</source>
        <translation>时间轴：各项按首次出现在关系中的时间排列，每类一行；再按 T 返回。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>connected component</source>
        <translation>连通分量</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>core number</source>
        <translation>核数</translation>
    </message>
    <message>
        <source>attribute &quot;%1&quot;</source>
        <translation>属性“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) on the chart.</source>
        <translation>
            <numerusform>图上共 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>From lead %1</source>
        <translation>来自线索 %1</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>Kept for: %1, until %2</source>
        <translation>保存依据：%1，至 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Core number %1, community %2</source>
        <translation>核数 %1，社群 %2</translation>
    </message>
    <message>
        <source>&lt;i&gt;Changed elsewhere since the chart was opened.&lt;/i&gt;</source>
        <translation>&lt;i&gt;打开图表后已在其他地方被改动。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>, %1 to %2</source>
        <translation>，%1 至 %2</translation>
    </message>
    <message>
        <source>%1 %2 %3 · %4 · from %5: %6%7</source>
        <translation>%1 %2 %3 · %4 · 来自%5：%6%7</translation>
    </message>
    <message>
        <source>Nothing on the chart to save.</source>
        <translation>图上没有可保存的内容。</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Saved as &quot;%1&quot;.</source>
        <translation>已保存为“%1”。</translation>
    </message>
    <message>
        <source>No chart has been saved yet.</source>
        <translation>尚未保存任何图表。</translation>
    </message>
    <message>
        <source>Open a chart</source>
        <translation>打开图表</translation>
    </message>
    <message>
        <source>%1 · saved by %2 on %3</source>
        <translation>%1 · %2 保存于 %3</translation>
    </message>
    <message>
        <source>Opening...</source>
        <translation>正在打开……</translation>
    </message>
    <message>
        <source>Opened &quot;%1&quot;, saved by %2.</source>
        <translation>已打开“%1”，由 %2 保存。</translation>
    </message>
    <message>
        <source>Nothing on the chart to export.</source>
        <translation>图上没有可导出的内容。</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Link chart</source>
        <translation>关系图</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), labels masked unless revealed; exported %1 by %2</source>
        <translation>
            <numerusform>共 %n 项，标签除已查看外均已遮蔽；%2 于 %1 导出</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Only links &amp;dated between</source>
        <translation>仅显示此期间的关系(&amp;D)</translation>
    </message>
    <message>
        <source>Taking the ring&apos;s members and the identifiers tying them onto the chart...</source>
        <translation>正在将团伙成员及其关联标识加入图表……</translation>
    </message>
    <message>
        <source>It joins the lead charted; a case too, if it belongs to one</source>
        <translation>将加入当前图表的线索；如属某案件，也可填写案件</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added, one step out.</source>
        <translation>
            <numerusform>向外一步，加入 %n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added, %1 steps out.</source>
        <translation>
            <numerusform>向外 %1 步，加入 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The investigation&apos;s leads have no entities yet: add them (A) and save the chart with it (Ctrl+S).</source>
        <translation>该侦查的线索尚无实体：请添加实体（A）并随侦查保存关系图（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Only the links dated %1 to %2; uncheck the filter to see all again.</source>
        <translation>仅显示日期在 %1 至 %2 的关联；取消勾选筛选即可重新显示全部。</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::Pictures</name>
    <message>
        <source>Investigation of reported offences</source>
        <translation>对所报违法犯罪的调查</translation>
    </message>
    <message>
        <source>Stolen phones offered for sale at the Orchard Road night market</source>
        <translation>果园路夜市有人兜售被盗手机</translation>
    </message>
    <message>
        <source>Two stalls, Friday and Saturday nights; boxes without receipts</source>
        <translation>两个摊位，周五和周六晚上；整箱无发票</translation>
    </message>
    <message>
        <source>Registered informant DEMO-117</source>
        <translation>登记在册的信息员 DEMO-117</translation>
    </message>
    <message>
        <source>Phones stolen and sold at the Orchard Road night market stalls</source>
        <translation>被盗手机在果园路夜市摊位出售</translation>
    </message>
    <message>
        <source>Caller on the tip line</source>
        <translation>举报热线来电人</translation>
    </message>
    <message>
        <source>Bicycles resold behind the Mill Street depot</source>
        <translation>磨坊街车场后面有人转卖自行车</translation>
    </message>
    <message>
        <source>Shop owner on Mill Street</source>
        <translation>磨坊街店主</translation>
    </message>
    <message>
        <source>Fraud calls traced to a flat on Station Street</source>
        <translation>诈骗电话追踪到车站街一处住宅</translation>
    </message>
    <message>
        <source>Anonymous letter to the station</source>
        <translation>寄给派出所的匿名信</translation>
    </message>
    <message>
        <source>Counterfeit perfume stored in a garage on Oak Road</source>
        <translation>橡树路一处车库存放假冒香水</translation>
    </message>
    <message>
        <source>Patrol officer&apos;s informant</source>
        <translation>巡逻民警的信息员</translation>
    </message>
    <message>
        <source>Not to be shared outside the intelligence team</source>
        <translation>不得向情报组以外人员提供</translation>
    </message>
    <message>
        <source>Informant right three times this year</source>
        <translation>该信息员今年三次提供属实</translation>
    </message>
    <message>
        <source>First report from this source</source>
        <translation>该来源首次报告</translation>
    </message>
    <message>
        <source>Letter contradicts the call records</source>
        <translation>信件内容与通话记录矛盾</translation>
    </message>
    <message>
        <source>seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>fence</source>
        <translation>销赃人</translation>
    </message>
    <message>
        <source>Chen Jun</source>
        <translation>陈军</translation>
    </message>
    <message>
        <source>Liu Yang</source>
        <translation>刘洋</translation>
    </message>
    <message>
        <source>Zhao Min</source>
        <translation>赵敏</translation>
    </message>
    <message>
        <source>Sun Hao</source>
        <translation>孙浩</translation>
    </message>
    <message>
        <source>Orchard Road night market, stall 14</source>
        <translation>果园路夜市 14 号摊位</translation>
    </message>
    <message>
        <source>Harbour Repair Shop</source>
        <translation>海港维修店</translation>
    </message>
    <message>
        <source>Flat 3B, 18 Station Street</source>
        <translation>车站街 18 号 3B 室</translation>
    </message>
    <message>
        <source>call records 2026-03</source>
        <translation>2026-03 通话记录</translation>
    </message>
    <message>
        <source>bank statement 2026-Q1</source>
        <translation>2026 年第一季度银行流水</translation>
    </message>
    <message>
        <source>surveillance log</source>
        <translation>监控记录</translation>
    </message>
    <message>
        <source>dataset 7 row 1234</source>
        <translation>数据集 7 第 1234 行</translation>
    </message>
    <message>
        <source>business register</source>
        <translation>工商登记</translation>
    </message>
    <message>
        <source>repair ticket 5512</source>
        <translation>维修单 5512</translation>
    </message>
    <message>
        <source>Who pays Chen? The account&apos;s other transfers are asked for.</source>
        <translation>谁在给陈付款？已调取该账户的其他转账记录。</translation>
    </message>
    <message>
        <source>Night-market phones</source>
        <translation>夜市手机案</translation>
    </message>
    <message>
        <source>Operation Night Market</source>
        <translation>夜市行动</translation>
    </message>
    <message>
        <source>The stolen-phone ring at the Orchard Road night market and its fence</source>
        <translation>果园路夜市的盗窃手机团伙及其销赃人</translation>
    </message>
    <message>
        <source>records analysis</source>
        <translation>数据分析</translation>
    </message>
    <message>
        <source>Trace the account&apos;s other transfers</source>
        <translation>追查该账户的其他转账</translation>
    </message>
    <message>
        <source>Watch stall 14 on Friday night</source>
        <translation>周五晚上监控 14 号摊位</translation>
    </message>
    <message>
        <source>Orchard Road night market</source>
        <translation>果园路夜市</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>抓捕</translation>
    </message>
    <message>
        <source>Search and seize the phones</source>
        <translation>搜查并扣押手机</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜查</translation>
    </message>
    <message>
        <source>Call records tie both sellers to Chen&apos;s phone; the account&apos;s transfers are asked for.</source>
        <translation>通话记录显示两名卖家都与陈的手机有联系；已申请调取该账户的转账记录。</translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::TimeHistogram</name>
    <message>
        <source>Links over time</source>
        <translation>关系时间分布</translation>
    </message>
    <message>
        <source>No link on the chart has a time</source>
        <translation>图上没有带时间的关系</translation>
    </message>
    <message>
        <source>Drag across the bars to keep only the links of that time; click a bar for its span.</source>
        <translation>在柱状图上拖动，只保留该时段的关联；单击一根柱子选取其时段。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::AssigneeBox</name>
    <message>
        <source>Unit %1 (%2, %3)</source>
        <translation>警力 %1（%2，%3）</translation>
    </message>
    <message>
        <source>The units cannot be read; tasks can go to the centres.</source>
        <translation>无法读取警力；任务可下达给各中心。</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>警力 %1</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::Dashboard</name>
    <message>
        <source>The dashboard cannot be read: %1</source>
        <translation>无法读取态势看板：%1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>未结警情</translation>
    </message>
    <message>
        <source>P1 open</source>
        <translation>未结一级警情</translation>
    </message>
    <message>
        <source>Units available</source>
        <translation>可用警力</translation>
    </message>
    <message>
        <source>Median response, 24 h</source>
        <translation>响应时间中位数（24 小时）</translation>
    </message>
    <message>
        <source>Operations this year (%1 running)</source>
        <translation>本年行动（%1 项进行中）</translation>
    </message>
    <message>
        <source>Response targets missed, 24 h</source>
        <translation>响应超时（24 小时）</translation>
    </message>
    <message>
        <source>Incidents per hour, last 24 hours</source>
        <translation>最近 24 小时每小时警情数</translation>
    </message>
    <message>
        <source>minutes to the first unit on scene</source>
        <translation>首支警力到场用时（分钟）</translation>
    </message>
    <message>
        <source>Response time, 24 h: no arrivals yet</source>
        <translation>响应时间（24 小时）：尚无到场记录</translation>
    </message>
    <message>
        <source>Response time, 24 h: median %1 min, 90th percentile %2 min</source>
        <translation>响应时间（24 小时）：中位数 %1 分钟，90 百分位 %2 分钟</translation>
    </message>
    <message>
        <source>Incidents by category, 24 h</source>
        <translation>各类别警情（24 小时）</translation>
    </message>
    <message>
        <source>Units by status</source>
        <translation>各状态警力</translation>
    </message>
    <message numerus="yes">
        <source>%n more categories</source>
        <translation>
            <numerusform>其余 %n 类</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::DispatchDialog</name>
    <message>
        <source>Dispatch</source>
        <translation>调派</translation>
    </message>
    <message>
        <source>Working out the nearest fitting units...</source>
        <translation>正在计算最近的合适警力……</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>调派(&amp;D)</translation>
    </message>
    <message>
        <source>%1  P%2  %3: %4</source>
        <translation>%1  P%2  %3：%4</translation>
    </message>
    <message>
        <source>The incident has no position: no travel times. Tick units by hand.</source>
        <translation>该警情没有位置信息，无法计算行程时间。请手动勾选警力。</translation>
    </message>
    <message>
        <source>%1  %2 min  -  %3</source>
        <translation>%1  %2 分钟  -  %3</translation>
    </message>
    <message>
        <source>%1  %2, %3</source>
        <translation>%1  %2，%3</translation>
    </message>
    <message>
        <source>No unit is available.</source>
        <translation>没有可用警力。</translation>
    </message>
    <message>
        <source>Tick at least one unit (Space).</source>
        <translation>请至少勾选一支警力（空格键）。</translation>
    </message>
    <message>
        <source>The recommendation is dispatched as soon as it is worked out.</source>
        <translation>推荐结果一出即派警。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::HubContext</name>
    <message>
        <source>Hub</source>
        <translation>指挥中枢</translation>
    </message>
    <message>
        <source>Political security joint control</source>
        <translation>政保联控</translation>
    </message>
    <message>
        <source>Basic control</source>
        <translation>基础管控</translation>
    </message>
    <message>
        <source>Criminal intelligence</source>
        <translation>刑事情报</translation>
    </message>
    <message>
        <source>Big-data investigation</source>
        <translation>大数据研判</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>案件管理</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::HubMap</name>
    <message>
        <source>The district map cannot be drawn: %1</source>
        <translation>无法绘制辖区地图：%1</translation>
    </message>
    <message>
        <source>The map cannot be read: %1</source>
        <translation>无法读取地图数据：%1</translation>
    </message>
    <message>
        <source>%1 The map draws its own streets without the tiles.</source>
        <translation>%1 地图不使用瓦片，自行绘制街道。</translation>
    </message>
    <message>
        <source>%1 open incidents (circles, by priority), %2 units (squares: green available, orange en route, red on scene, purple busy), cameras (triangles, with what they see). Wheel or +/- zooms, drag pans, click opens; drag a camera onto a video wall.</source>
        <translation>%1 起未结警情（圆点，按优先级），%2 个警力单元（方块：绿色可用、橙色在途、红色在现场、紫色忙碌），摄像机（三角形，附可视范围）。滚轮或 +/- 缩放，拖动平移，单击打开；可将摄像机拖到视频墙上。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::HubModule</name>
    <message>
        <source>Hub</source>
        <translation>指挥中枢</translation>
    </message>
    <message>
        <source>The command brain: every incident, dispatch, tasks to the centres, joint operations, the video wall.</source>
        <translation>指挥大脑：掌握全部警情，调度警力，向各中心下达任务，组织联合行动，统管视频墙。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>新建警情</translation>
    </message>
    <message>
        <source>Dispatch units to the selected incident</source>
        <translation>向所选警情调派警力</translation>
    </message>
    <message>
        <source>Add a note to the selected incident</source>
        <translation>为所选警情添加备注</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>态势看板</translation>
    </message>
    <message>
        <source>The dashboard cannot be shown: %1</source>
        <translation>无法显示态势看板：%1</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>警力</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Change the selected incident</source>
        <translation>修改所选警情</translation>
    </message>
    <message>
        <source>Plan a cluster operation</source>
        <translation>策划集群行动</translation>
    </message>
    <message>
        <source>Edit the incident taxonomy</source>
        <translation>编辑警情分类</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>The video cannot be shown: %1</source>
        <translation>无法显示视频：%1</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::IncidentBoard</name>
    <message>
        <source>Search summary, address, notes, or an incident number (Ctrl+F)</source>
        <translation>搜索摘要、地址、备注或警情编号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any centre</source>
        <translation>全部中心</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>P</source>
        <translation>级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接报</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Cannot read the categories: %1</source>
        <translation>无法读取类别：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n 起警情</numerusform>
        </translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on the incident (goes on its timeline):</source>
        <translation>警情备注（将记入时间线）：</translation>
    </message>
    <message>
        <source>late by %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>met in %1</source>
        <translation>%1 内到达</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>接报于 %1</translation>
    </message>
    <message>
        <source>There is no incident %1.</source>
        <translation>没有警情 %1。</translation>
    </message>
    <message>
        <source>Send to criminal intelligence</source>
        <translation>移送刑事情报部门</translation>
    </message>
    <message>
        <source>What should criminal intelligence look at? The incident becomes its lead, linked here.</source>
        <translation>刑事情报部门应关注什么？该警情将成为其线索，并在此关联。</translation>
    </message>
    <message>
        <source>Sent to criminal intelligence as a lead.</source>
        <translation>已作为线索移送刑事情报部门。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::IncidentEditDialog</name>
    <message>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <source>Change incident %1</source>
        <translation>修改警情 %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>The position is not &quot;latitude, longitude&quot; in degrees.</source>
        <translation>位置不是以度表示的“纬度, 经度”。</translation>
    </message>
    <message>
        <source>Someone else changed this incident while you were editing it. The form now shows it as it is, with your changes on top; check them and save again.</source>
        <translation>您编辑期间其他人修改了这起警情。表单现在显示其最新内容，并保留了您的修改；请核对后再次保存。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::IncidentForm</name>
    <message>
        <source>New incident</source>
        <translation>新建警情</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>用几句话说明发生了什么</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>摘要(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>latitude, longitude (optional), e.g. 31.2304, 121.4737</source>
        <translation>纬度, 经度（可选），如 31.2304, 121.4737</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>位置(&amp;O)：</translation>
    </message>
    <message>
        <source>Phone or e-mail; shown masked, revealed only with a reason</source>
        <translation>电话或电子邮箱；脱敏显示，须说明理由才能查看</translation>
    </message>
    <message>
        <source>Ce&amp;ntre:</source>
        <translation>中心(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>The categories cannot be read: %1</source>
        <translation>无法读取类别：%1</translation>
    </message>
    <message>
        <source>The categories are still loading.</source>
        <translation>类别仍在加载。</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>请用几句话说明发生了什么。</translation>
    </message>
    <message>
        <source>The position is two numbers, latitude and longitude, such as 31.2304, 121.4737.</source>
        <translation>位置是两个数字：纬度和经度，如 31.2304, 121.4737。</translation>
    </message>
    <message>
        <source>Looking for the same incident reported already...</source>
        <translation>正在查找是否已有相同警情……</translation>
    </message>
    <message>
        <source>Could not look for duplicates (%1); the incident is created without.</source>
        <translation>无法查重（%1）；将直接创建警情。</translation>
    </message>
    <message>
        <source>%1 m away</source>
        <translation>相距 %1 米</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>地址相同</translation>
    </message>
    <message>
        <source>%1  P%2  %3 - %4, %5 ago</source>
        <translation>%1  P%2  %3 - %4，%5前</translation>
    </message>
    <message>
        <source>&amp;Create anyway</source>
        <translation>仍然创建(&amp;C)</translation>
    </message>
    <message>
        <source>This may be an incident already reported. Add the call to it, or create a new one anyway.</source>
        <translation>这可能是已报过的警情。可将本次报警并入该警情，或仍然新建。</translation>
    </message>
    <message>
        <source>Creating...</source>
        <translation>正在创建……</translation>
    </message>
    <message>
        <source>Created, but not merged: %1</source>
        <translation>已创建，但未合并：%1</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reporter&apos;s contact:</source>
        <translation>报警人联系方式(&amp;R)：</translation>
    </message>
    <message>
        <source>Add to the s&amp;elected incident</source>
        <translation>并入所选警情(&amp;E)</translation>
    </message>
    <message>
        <source>The server cannot be reached: the categories are those read last, and the incident is kept on this desk until the server is back.</source>
        <translation>无法连接服务器：警情类别为上次读取的内容，警情将保存在本工作台，直到服务器恢复。</translation>
    </message>
    <message>
        <source>P1 is the most urgent. Type 1 to 4 here, or Alt+1 to Alt+4 anywhere in the form.</source>
        <translation>P1 为最紧急。在此处输入 1 至 4，或在表单任意位置按 Alt+1 至 Alt+4。</translation>
    </message>
    <message>
        <source>The place chosen is shown here.</source>
        <translation>选定的地点显示在这里。</translation>
    </message>
    <message>
        <source>coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>address, placed along the street</source>
        <translation>门牌，按沿街位置推算</translation>
    </message>
    <message>
        <source>address</source>
        <translation>门牌地址</translation>
    </message>
    <message>
        <source>crossing</source>
        <translation>路口</translation>
    </message>
    <message>
        <source>landmark</source>
        <translation>地标</translation>
    </message>
    <message>
        <source>earlier incident</source>
        <translation>以往警情</translation>
    </message>
    <message>
        <source>street, its middle</source>
        <translation>道路（取中点）</translation>
    </message>
    <message>
        <source>Type a few letters of its name or code</source>
        <translation>输入名称或代码的前几个字</translation>
    </message>
    <message>
        <source>P%1 · %2</source>
        <translation>P%1 · %2</translation>
    </message>
    <message>
        <source>A landmark, a street and number, a crossing (Elm Road / Mill Street) or coordinates</source>
        <translation>地标、道路加门牌、路口（Elm Road / Mill Street）或坐标</translation>
    </message>
    <message>
        <source>latitude, longitude: filled from the place chosen, or typed</source>
        <translation>纬度, 经度：由所选地点自动填写，也可手动输入</translation>
    </message>
    <message>
        <source>P3 until the category proposes one</source>
        <translation>选择类别前默认为 P3</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>由您设定</translation>
    </message>
    <message>
        <source>Reading the district&apos;s places...</source>
        <translation>正在读取辖区地点……</translation>
    </message>
    <message>
        <source>The district&apos;s places cannot be read (%1): type coordinates in Position.</source>
        <translation>无法读取辖区地点（%1）：请在“位置”中输入坐标。</translation>
    </message>
    <message>
        <source>The district&apos;s places cannot be read: type coordinates in Position.</source>
        <translation>无法读取辖区地点：请在“位置”中输入坐标。</translation>
    </message>
    <message>
        <source>Not on the district&apos;s map: the incident keeps this address with no position, and the map cannot show it or rank units for it until a position is set (type coordinates in Position, or set it later with Edit).</source>
        <translation>辖区地图上没有此地点：警情保留该地址但没有位置，在设定位置之前，地图无法显示它，也无法为它推荐警力（可在“位置”中输入坐标，或稍后通过“编辑”设定）。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Suggested from the summary&apos;s words %1: Down then Tab takes it; typing finds another.</source>
        <translation>根据摘要中的词语 %1 推荐：按下方向键再按 Tab 即可采用；输入文字可查找其他类别。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>proposed for %1; 1 to 4 or Alt+1 to Alt+4 changes it</source>
        <translation>%1的建议优先级；按 1 至 4 或 Alt+1 至 Alt+4 可更改</translation>
    </message>
    <message>
        <source>Choose the category: type a few letters of its name (Alt+T goes there).</source>
        <translation>请选择类别：输入其名称的前几个字（Alt+T 跳转至该处）。</translation>
    </message>
    <message>
        <source>No category is called “%1”: type a few letters of its name and take one from the list.</source>
        <translation>没有名为“%1”的类别：请输入名称的前几个字，并从列表中选择。</translation>
    </message>
    <message>
        <source>At %1, with your words added.</source>
        <translation>位于 %1，并附加了您输入的说明。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::IncidentPanel</name>
    <message>
        <source>Select an incident.</source>
        <translation>请选择一起警情。</translation>
    </message>
    <message>
        <source>&amp;Arrived</source>
        <translation>已到达(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;lear unit</source>
        <translation>撤回警力(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>处置完毕(&amp;R)</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>结案(&amp;O)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel...</source>
        <translation>撤销(&amp;N)……</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>警力</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>处置预案</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>%1  P%2  %3</source>
        <translation>%1  P%2  %3</translation>
    </message>
    <message>
        <source>Received %1 ago by %2</source>
        <translation>%1前经%2接报</translation>
    </message>
    <message>
        <source>Merged into another incident.</source>
        <translation>已并入另一起警情。</translation>
    </message>
    <message>
        <source>No reporter&apos;s contact.</source>
        <translation>无报警人联系方式。</translation>
    </message>
    <message>
        <source>Reporter: %1</source>
        <translation>报警人：%1</translation>
    </message>
    <message>
        <source>%1  %2, %3 for %4</source>
        <translation>%1  %2，%3已 %4</translation>
    </message>
    <message>
        <source>From an incident merged into this one</source>
        <translation>来自并入本警情的另一起警情</translation>
    </message>
    <message>
        <source>Cancel the incident</source>
        <translation>撤销警情</translation>
    </message>
    <message>
        <source>Why is it cancelled?</source>
        <translation>撤销原因是什么？</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>修改(&amp;E)...</translation>
    </message>
    <message>
        <source>Change the priority, category, summary, place or centre (E on the board)</source>
        <translation>修改优先级、类别、概要、地点或中心（在警情板上按 E）</translation>
    </message>
    <message>
        <source>Lin&amp;k...</source>
        <translation>关联(&amp;K)...</translation>
    </message>
    <message>
        <source>Link the incident to a lead, a case, a complaint or another incident</source>
        <translation>将警情关联到线索、案件、诉求或其他警情</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Linked to: %1</source>
        <translation>已关联：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>&amp;Media...</source>
        <translation>媒体(&amp;M)...</translation>
    </message>
    <message>
        <source>The snapshots and clips attached to the incident</source>
        <translation>附加到该警情的截图和视频片段</translation>
    </message>
    <message>
        <source>Cameras on the &amp;wall</source>
        <translation>摄像机上墙(&amp;W)</translation>
    </message>
    <message>
        <source>No camera within 500 m.</source>
        <translation>500 米内没有摄像机。</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s) within 500 m, %1 of them looking at the place.</source>
        <translation>
            <numerusform>500 米内有 %n 台摄像机，其中 %1 台正对该地点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fills the video wall with them, those looking at the place first</source>
        <translation>将它们填满视频墙，正对该地点的优先</translation>
    </message>
    <message>
        <source>Open the Video panel first (the palette&apos;s &quot;Show the Video panel&quot;)</source>
        <translation>请先打开视频面板（命令面板中的：显示“视频”面板）</translation>
    </message>
    <message>
        <source>the reporter&apos;s contact</source>
        <translation>报警人联系方式</translation>
    </message>
    <message>
        <source>No position: not on the map and no units ranked by distance. Set it with Edit (E).</source>
        <translation>无位置：地图上不显示，也无法按距离推荐警力。请按 E 编辑设定位置。</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::LinkDialog</name>
    <message>
        <source>Link the incident</source>
        <translation>关联警情</translation>
    </message>
    <message>
        <source>its number, e.g. L-2026-00042</source>
        <translation>其编号，例如 L-2026-00042</translation>
    </message>
    <message>
        <source>&amp;To a:</source>
        <translation>关联到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>编号(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>关联(&amp;L)</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::MediaViewer</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Media of incident %1</source>
        <translation>警情 %1 的媒体</translation>
    </message>
    <message>
        <source>Space pauses and plays the clip; Left and Right step through it while paused</source>
        <translation>空格键暂停或播放视频片段；暂停时用左右方向键逐帧查看</translation>
    </message>
    <message>
        <source>Clip, %1 s</source>
        <translation>视频片段，%1 秒</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>%1  %2
%3 (%4)</source>
        <translation>%1  %2
%3（%4）</translation>
    </message>
    <message>
        <source>Nothing is attached to this incident yet: Ctrl+S on a video tile attaches a snapshot, Ctrl+R records a clip.</source>
        <translation>该警情尚无附加媒体：在视频画面格上按 Ctrl+S 附加截图，按 Ctrl+R 录制视频片段。</translation>
    </message>
    <message numerus="yes">
        <source>%1 x %2 pixels, %n frame(s), by %3. SHA-256 %4</source>
        <translation>
            <numerusform>%1 x %2 像素，%n 帧，由 %3 附加。SHA-256 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening...</source>
        <translation>正在打开...</translation>
    </message>
    <message>
        <source>(checked)</source>
        <translation>（已校验）</translation>
    </message>
    <message>
        <source>The snapshot cannot be shown: it is not a picture this program can read.</source>
        <translation>无法显示该截图：不是本程序可读取的图像。</translation>
    </message>
    <message>
        <source>Frame %1 of the clip cannot be decoded.</source>
        <translation>无法解码视频片段的第 %1 帧。</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::OperationPlanner</name>
    <message>
        <source>Plan a cluster operation</source>
        <translation>策划集群行动</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>目标(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Go at:</source>
        <translation>行动时间(&amp;G)：</translation>
    </message>
    <message>
        <source>For the incident selected on the board.</source>
        <translation>针对警情板上所选的警情。</translation>
    </message>
    <message>
        <source>Not tied to an incident.</source>
        <translation>不关联警情。</translation>
    </message>
    <message>
        <source>what they do, e.g. detain the suspect at the address</source>
        <translation>做什么，例如在该地址抓捕嫌疑人</translation>
    </message>
    <message>
        <source> min after go</source>
        <translation> 分钟（行动开始后）</translation>
    </message>
    <message>
        <source>at go</source>
        <translation>行动开始时</translation>
    </message>
    <message>
        <source>no due time</source>
        <translation>无截止时间</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>&amp;Add to the division</source>
        <translation>加入分工(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>谁(&amp;W)：</translation>
    </message>
    <message>
        <source>W&amp;hat:</source>
        <translation>做什么(&amp;H)：</translation>
    </message>
    <message>
        <source>Wh&amp;ere:</source>
        <translation>在哪里(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止(&amp;D)：</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R)：</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>What</source>
        <translation>做什么</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>在哪里</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>P</source>
        <translation>级</translation>
    </message>
    <message>
        <source>&amp;Plan (Ctrl+Enter)</source>
        <translation>策划(&amp;P)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Task division: who does what, where, when</source>
        <translation>任务分工：谁、做什么、在哪里、何时</translation>
    </message>
    <message>
        <source>Delete removes the selected line.</source>
        <translation>按 Delete 删除所选行。</translation>
    </message>
    <message>
        <source>Say what this line of the division does.</source>
        <translation>请说明这一行分工要做什么。</translation>
    </message>
    <message>
        <source>go + %1 min</source>
        <translation>开始后 %1 分钟</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) in the division.</source>
        <translation>
            <numerusform>分工中有 %n 行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::OperationsPanel</name>
    <message>
        <source>&amp;Plan an operation...</source>
        <translation>策划行动(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Go now</source>
        <translation>立即行动(&amp;G)</translation>
    </message>
    <message>
        <source>Co&amp;mplete</source>
        <translation>完成(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel the operati&amp;on...</source>
        <translation>取消行动(&amp;O)...</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>行动时间</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>在哪里</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A&amp;ccepted</source>
        <translation>已接受(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Report progress...</source>
        <translation>报告进展(&amp;R)...</translation>
    </message>
    <message>
        <source>Task &amp;done</source>
        <translation>任务完成(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;eclined...</source>
        <translation>已拒绝(&amp;E)...</translation>
    </message>
    <message>
        <source>Record what a unit reports for its line of the division</source>
        <translation>记录警力对其分工的报告</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <source>due %1 ago</source>
        <translation>已到时 %1</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>已进行 %1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%2 项中 %1 项（%3%）</translation>
    </message>
    <message>
        <source>No operations. A supervisor plans one with its task division.</source>
        <translation>没有行动。由指挥长策划行动并分配任务。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;Go %3, planned by %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2&lt;br&gt;行动时间 %3，由 %4 策划</translation>
    </message>
    <message>
        <source>%1 tasks: %2 done, %3 in progress, %4 accepted, %5 not yet accepted, %6 declined, %7 cancelled</source>
        <translation>%1 项任务：%2 项完成，%3 项进行中，%4 项已接受，%5 项未接受，%6 项拒绝，%7 项取消</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source> (%1%)</source>
        <translation>（%1%）</translation>
    </message>
    <message>
        <source>Planning...</source>
        <translation>正在策划...</translation>
    </message>
    <message>
        <source>Cancel the operation</source>
        <translation>取消行动</translation>
    </message>
    <message>
        <source>Cancel the operation? Its open tasks are cancelled with it.</source>
        <translation>取消该行动？其未完成的任务将一并取消。</translation>
    </message>
    <message>
        <source>Appro&amp;ve...</source>
        <translation>批准(&amp;V)...</translation>
    </message>
    <message>
        <source>Approve the proposed operation at a go time you set: it is planned with its task division</source>
        <translation>按您设定的开始时间批准该行动提议：将连同任务分工一并计划</translation>
    </message>
    <message>
        <source>Re&amp;ject...</source>
        <translation>驳回(&amp;J)...</translation>
    </message>
    <message>
        <source>proposed %1</source>
        <translation>建议 %1</translation>
    </message>
    <message>
        <source>go time not set</source>
        <translation>未设开始时间</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) proposed</source>
        <translation>
            <numerusform>提议 %n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <source>investigation %1</source>
        <translation>侦查 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;Proposed by %3 of %4 (%5), %6; awaiting your review</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2&lt;br&gt;由 %4 的 %3 提议（%5），%6；等待您审核</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); go proposed for %1</source>
        <translation>
            <numerusform>%n 行任务；建议 %1 开始</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); no go time proposed: set it when approving</source>
        <translation>
            <numerusform>%n 行任务；未建议开始时间：批准时设定</numerusform>
        </translation>
    </message>
    <message>
        <source>go + %1</source>
        <translation>行动开始 + %1</translation>
    </message>
    <message>
        <source>at go</source>
        <translation>行动开始时</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>批准 %1</translation>
    </message>
    <message>
        <source>A remark for the centre (optional)</source>
        <translation>给提议中心的备注（可选）</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of task division are planned at this go time, each at its time after go.</source>
        <translation>
            <numerusform>%n 行任务分工将按此开始时间计划，各自按行动开始后的时间执行。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Go at:</source>
        <translation>开始时间(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject the proposed operation</source>
        <translation>驳回行动提议</translation>
    </message>
    <message>
        <source>Why is it rejected? The proposing centre reads it on its investigation.</source>
        <translation>驳回原因？提议中心会在其侦查中看到。</translation>
    </message>
    <message>
        <source>For the incident selected on the board (%1): the operation joins its timeline</source>
        <translation>用于看板上选中的警情（%1）：行动将记入其时间线</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::Snapshot</name>
    <message>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::TaskPanel</name>
    <message>
        <source>&amp;Issue a task...</source>
        <translation>下达任务(&amp;I)……</translation>
    </message>
    <message>
        <source>P%1  %2 for %3: %4</source>
        <translation>P%1  %3 %2：%4</translation>
    </message>
    <message>
        <source> (%1%)</source>
        <translation>（%1%）</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>due in %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>How far is it (percent)?</source>
        <translation>完成了多少（百分比）？</translation>
    </message>
    <message>
        <source>What has been done (optional):</source>
        <translation>已完成的工作（可选）：</translation>
    </message>
    <message>
        <source>Decline the task</source>
        <translation>拒绝任务</translation>
    </message>
    <message>
        <source>Why is it declined? The hub sees the reason.</source>
        <translation>拒绝的原因是什么？指挥中枢会看到该原因。</translation>
    </message>
    <message>
        <source>Issue a task</source>
        <translation>下达任务</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>no due time</source>
        <translation>无截止时间</translation>
    </message>
    <message>
        <source>For the incident selected on the board.</source>
        <translation>针对警情列表中所选的警情。</translation>
    </message>
    <message>
        <source>Not tied to an incident.</source>
        <translation>不关联警情。</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>D&amp;ue in:</source>
        <translation>期限(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>下达(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>下达给(&amp;T)：</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>接受 (A)</translation>
    </message>
    <message>
        <source>Progress... (P)</source>
        <translation>进展…… (P)</translation>
    </message>
    <message>
        <source>Done (D)</source>
        <translation>完成 (D)</translation>
    </message>
    <message>
        <source>Decline... (L)</source>
        <translation>拒绝…… (L)</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::TaxonomyDialog</name>
    <message>
        <source>Incident taxonomy</source>
        <translation>警情分类</translation>
    </message>
    <message>
        <source>&amp;New category</source>
        <translation>新建类别(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. gas_leak (letters, digits, _)</source>
        <translation>例如 gas_leak（字母、数字、_）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>any kind</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>no skill needed</source>
        <translation>无需技能</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>警力</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>One step a line, in the order they are done</source>
        <translation>每行一个步骤，按执行顺序</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>编号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Response target:</source>
        <translation>响应目标(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;On-scene limit:</source>
        <translation>现场时限(&amp;O)：</translation>
    </message>
    <message>
        <source>R&amp;un card:</source>
        <translation>出警配置(&amp;U)：</translation>
    </message>
    <message>
        <source>Delete removes the selected line.</source>
        <translation>按 Delete 删除所选行。</translation>
    </message>
    <message>
        <source>&amp;Playbook:</source>
        <translation>处置预案(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Save or revert the changes to this category first.</source>
        <translation>请先保存或还原对此类别的修改。</translation>
    </message>
    <message>
        <source>The categories cannot be read: %1</source>
        <translation>无法读取类别：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A run card line needs a unit kind, a skill or both.</source>
        <translation>出警配置的每一行需要警力类型、技能或两者。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Shown in your language as %1; its playbook: %2</source>
        <translation>在您的语言中显示为“%1”；其处置预案：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>What the new-incident form proposes when this category is chosen</source>
        <translation>选择此类别时，新建警情表单建议的优先级</translation>
    </message>
    <message>
        <source>Words of a caller&apos;s account that suggest it, separated by commas</source>
        <translation>报警人描述中提示此类别的词语，以逗号分隔</translation>
    </message>
    <message>
        <source>Default priorit&amp;y:</source>
        <translation>默认优先级(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>关键词(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::UnitPanel</name>
    <message>
        <source>Call sign</source>
        <translation>呼号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>&amp;Add unit...</source>
        <translation>添加警力(&amp;A)……</translation>
    </message>
    <message>
        <source>&amp;Change...</source>
        <translation>修改(&amp;C)……</translation>
    </message>
    <message>
        <source>A&amp;vailable</source>
        <translation>可用(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Busy</source>
        <translation>忙碌(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Off duty</source>
        <translation>下勤(&amp;O)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Add a unit</source>
        <translation>添加警力</translation>
    </message>
    <message>
        <source>Change unit %1</source>
        <translation>修改警力 %1</translation>
    </message>
    <message>
        <source>latitude, longitude (optional)</source>
        <translation>纬度, 经度（可选）</translation>
    </message>
    <message>
        <source>Call &amp;sign:</source>
        <translation>呼号(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Home s&amp;tation:</source>
        <translation>所属单位(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;rew:</source>
        <translation>人数(&amp;R)：</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>位置(&amp;O)：</translation>
    </message>
    <message>
        <source>The position is two numbers, latitude and longitude, such as 31.2304, 121.4737.</source>
        <translation>位置是两个数字：纬度和经度，如 31.2304, 121.4737。</translation>
    </message>
    <message>
        <source>Sk&amp;ills:</source>
        <translation>技能(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>hexhub::hub::VideoPanel</name>
    <message>
        <source>Drag a camera onto a tile, or Enter to show it on the current tile</source>
        <translation>将摄像机拖到画面格上，或按 Enter 在当前画面格显示</translation>
    </message>
    <message>
        <source>Cameras &amp;near the incident</source>
        <translation>警情附近的摄像机(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Follow new P1 incidents</source>
        <translation>跟随新的 P1 警情(&amp;F)</translation>
    </message>
    <message>
        <source>A new P1 incident fills the wall with the cameras near it</source>
        <translation>新的 P1 警情会用其附近的摄像机填满视频墙</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Select an incident on the board first.</source>
        <translation>请先在警情板上选择一起警情。</translation>
    </message>
    <message>
        <source>%1  %2 (%3)</source>
        <translation>%1  %2（%3）</translation>
    </message>
    <message>
        <source>Incident %1 has no position: no cameras near it.</source>
        <translation>警情 %1 没有位置：无法查找附近的摄像机。</translation>
    </message>
    <message>
        <source>No camera within 500 m of incident %1.</source>
        <translation>警情 %1 周围 500 米内没有摄像机。</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s) near incident %1; those that see it first.</source>
        <translation>
            <numerusform>警情 %1 附近有 %n 台摄像机；能看到现场的排在前面。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the incident on the board that the snapshot belongs to.</source>
        <translation>请在警情板上选择截图所属的警情。</translation>
    </message>
    <message>
        <source>That tile has no picture to keep.</source>
        <translation>该画面格没有可保存的画面。</translation>
    </message>
    <message>
        <source>Snapshot attached to the incident.</source>
        <translation>截图已附加到警情。</translation>
    </message>
    <message>
        <source>%1 - Hexhub video</source>
        <translation>%1 - Hexhub 视频</translation>
    </message>
    <message>
        <source>Select the incident on the board that the clip belongs to, then record.</source>
        <translation>请先在警情板上选择该视频片段所属的警情，再开始录制。</translation>
    </message>
    <message>
        <source>You may not attach clips to incidents.</source>
        <translation>您无权为警情附加视频片段。</translation>
    </message>
    <message>
        <source>Recording %1 for the incident; Ctrl+R again stops (30 s at most).</source>
        <translation>正在为该警情录制 %1；再按 Ctrl+R 停止（最长 30 秒）。</translation>
    </message>
    <message>
        <source>Clip of %1 s attached to the incident.</source>
        <translation>已将 %1 秒的视频片段附加到该警情。</translation>
    </message>
    <message>
        <source>%1 torn off onto screen %2; Ctrl+W closes it.</source>
        <translation>%1 已拖出到屏幕 %2；按 Ctrl+W 关闭。</translation>
    </message>
</context>
<context>
    <name>hexhub::politicalsecurity::PoliticalSecurityModule</name>
    <message>
        <source>Political security joint control</source>
        <translation>政治安全联合管控</translation>
    </message>
    <message>
        <source>Security for major events and protected sites: plans, perimeters, posts, joint agencies, live event picture.</source>
        <translation>重大活动和重点部位安保：方案、警戒圈、岗位、联勤单位、活动实时态势。</translation>
    </message>
</context>
<context>
    <name>hexhub::shell</name>
    <message>
        <source>Hexhub</source>
        <translation>Hexhub</translation>
    </message>
    <message>
        <source>Your roles (%1) give no access to this module.</source>
        <translation>您的角色（%1）无权使用此模块。</translation>
    </message>
    <message>
        <source>Sign in to use this module.</source>
        <translation>请登录后使用此模块。</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>版本 %1 · %2</translation>
    </message>
    <message>
        <source>This module offers no screens in this version.</source>
        <translation>此模块在本版本中尚无界面。</translation>
    </message>
    <message>
        <source>Screens: %1</source>
        <translation>界面：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n waiting</source>
        <translation>
            <numerusform>%1，%n 项待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Store connected</source>
        <translation>数据存储已连接</translation>
    </message>
    <message>
        <source>Store degraded: other desks&apos; events are delayed</source>
        <translation>数据存储降级：其他工作台的事件有延迟</translation>
    </message>
    <message>
        <source>Store opening</source>
        <translation>数据存储正在打开</translation>
    </message>
    <message>
        <source>Store closed</source>
        <translation>数据存储已关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the server</source>
        <translation>
            <numerusform>%n 项变更等待服务器</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (simulated, paused)</source>
        <translation>%1（模拟时间，已暂停）</translation>
    </message>
    <message>
        <source>%1 (simulated, %2x)</source>
        <translation>%1（模拟时间，%2 倍速）</translation>
    </message>
    <message>
        <source>Hexhub cannot start: %1</source>
        <translation>Hexhub 无法启动：%1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Create administrator and sign in</source>
        <translation>创建管理员并登录</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <source>Sign in to Hexhub</source>
        <translation>登录 Hexhub</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This store has no users yet. Create the first administrator: they add the operators and give them their roles.</source>
        <translation>此数据存储中还没有用户。请创建第一位管理员：由其添加操作员并分配角色。</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Command centre: one hub and six centres</source>
        <translation>指挥中心：一个指挥中枢，六个业务中心</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Type a command...</source>
        <translation>输入命令……</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <source>Use the day theme</source>
        <translation>使用日间主题</translation>
    </message>
    <message>
        <source>Use the night theme</source>
        <translation>使用夜间主题</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Hexhub is locked</source>
        <translation>Hexhub 已锁定</translation>
    </message>
    <message>
        <source>This desk was locked while %1 was signed in. Enter the password to go on, or sign in as someone else.</source>
        <translation>本工作台在 %1 登录期间被锁定。输入密码继续，或以其他用户身份登录。</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s) to acknowledge</source>
        <translation>
            <numerusform>%n 条通知待确认</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Show notifications</source>
        <translation>显示通知</translation>
    </message>
    <message>
        <source>Acknowledge all notifications</source>
        <translation>确认全部通知</translation>
    </message>
    <message>
        <source>Lock this desk</source>
        <translation>锁定本工作台</translation>
    </message>
    <message>
        <source>Store offline</source>
        <translation>数据存储离线</translation>
    </message>
    <message>
        <source>Store connected again</source>
        <translation>数据存储已重新连接</translation>
    </message>
    <message>
        <source>A change needs your decision</source>
        <translation>有一项变更需要您决定</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训员</translation>
    </message>
    <message>
        <source>No translation for %1.</source>
        <translation>没有 %1 的翻译。</translation>
    </message>
    <message>
        <source>Show the %1 panel</source>
        <translation>显示“%1”面板</translation>
    </message>
    <message>
        <source>Put the %1 panel back in the window</source>
        <translation>将“%1”面板放回主窗口</translation>
    </message>
    <message>
        <source>Close the %1 panel</source>
        <translation>关闭“%1”面板</translation>
    </message>
    <message>
        <source>Move the %1 panel to %2</source>
        <translation>将“%1”面板移到%2</translation>
    </message>
    <message>
        <source>Close the wall on %1</source>
        <translation>关闭%1上的大屏</translation>
    </message>
    <message>
        <source>Make %1 a wall</source>
        <translation>将%1设为大屏</translation>
    </message>
    <message>
        <source>Switch to the workspace %1</source>
        <translation>切换到工作区“%1”</translation>
    </message>
    <message>
        <source>Save the workspace %1</source>
        <translation>保存工作区“%1”</translation>
    </message>
    <message>
        <source>Save the workspace as...</source>
        <translation>工作区另存为……</translation>
    </message>
    <message>
        <source>Save the workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Reset the workspace %1 to how it came</source>
        <translation>将工作区“%1”恢复为初始布局</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) within the hour</source>
        <translation>
            <numerusform>一小时内有 %n 项时限到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Open deadlines of every module due in the next hour, overdue ones included</source>
        <translation>各模块在未来一小时内到期的未结时限，含已超时的</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>待处理变更</translation>
    </message>
    <message>
        <source>screen %1 (%2)</source>
        <translation>屏幕 %1（%2）</translation>
    </message>
    <message>
        <source>Screen disconnected</source>
        <translation>屏幕已断开</translation>
    </message>
    <message>
        <source>The wall on %1 is put away; it comes back when the screen does.</source>
        <translation>%1上的大屏已收起；屏幕重新连接后会自动恢复。</translation>
    </message>
    <message>
        <source>Screen connected</source>
        <translation>屏幕已连接</translation>
    </message>
    <message>
        <source>The wall on %1 is back.</source>
        <translation>%1上的大屏已恢复。</translation>
    </message>
    <message>
        <source>The panel %1 is not available to you here.</source>
        <translation>您在此处无法使用面板 %1。</translation>
    </message>
    <message>
        <source>Workspace not restored</source>
        <translation>工作区未恢复</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be read: %2</source>
        <translation>无法读取工作区“%1”：%2</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>工作区“%1”</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后到期</translation>
    </message>
    <message>
        <source>Nothing is running out.</source>
        <translation>暂无即将到期的事项。</translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation>模拟时间</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Apply my change over the server&apos;s version</source>
        <translation>用我的变更覆盖服务器上的版本</translation>
    </message>
    <message>
        <source>&amp;Discard mine</source>
        <translation>放弃我的(&amp;D)</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version and drop my change</source>
        <translation>保留服务器上的版本，丢弃我的变更</translation>
    </message>
    <message>
        <source>The outbox cannot be read: %1</source>
        <translation>无法读取待发队列：%1</translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>等待服务器</translation>
    </message>
    <message>
        <source>conflict: the record was deleted on the server</source>
        <translation>冲突：该记录已在服务器上被删除</translation>
    </message>
    <message>
        <source>conflict: someone else changed it first</source>
        <translation>冲突：他人已先修改了该记录</translation>
    </message>
    <message>
        <source>refused by the server: %1</source>
        <translation>被服务器拒绝：%1</translation>
    </message>
    <message>
        <source>Every change this desk made is on the server.</source>
        <translation>本工作台的所有变更均已保存到服务器。</translation>
    </message>
    <message>
        <source>This panel is not available here.</source>
        <translation>此面板在此处不可用。</translation>
    </message>
    <message>
        <source>Hexhub wall</source>
        <translation>Hexhub 大屏</translation>
    </message>
    <message>
        <source>not a workspace this version of Hexhub knows (format %1)</source>
        <translation>不是本版本 Hexhub 可识别的工作区（格式 %1）</translation>
    </message>
    <message>
        <source>the workspace has no name</source>
        <translation>工作区没有名称</translation>
    </message>
    <message>
        <source>Desk operator</source>
        <translation>工作台操作员</translation>
    </message>
    <message>
        <source>Hub supervisor (three screens)</source>
        <translation>指挥中枢主管（三屏）</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>设置……</translation>
    </message>
    <message>
        <source>Play a sound for priority notifications</source>
        <translation>优先通知时播放提示音</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This desk (applies at once)</source>
        <translation>本工作台（立即生效）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日间</translation>
    </message>
    <message>
        <source>Night (for dark control rooms)</source>
        <translation>夜间（适用于昏暗的指挥室）</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock when &amp;idle for:</source>
        <translation>空闲多久后锁定(&amp;I)：</translation>
    </message>
    <message>
        <source>From the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>default: the store on this computer</source>
        <translation>默认：本机上的数据存储</translation>
    </message>
    <message>
        <source>sqlite:///absolute/path.db or postgresql://user@host:port/database</source>
        <translation>sqlite:///绝对路径.db 或 postgresql://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>数据存储(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Modules:</source>
        <translation>模块(&amp;M)：</translation>
    </message>
    <message>
        <source>Takes effect when Hexhub starts again.</source>
        <translation>在 Hexhub 重新启动后生效。</translation>
    </message>
    <message>
        <source>These depend on a module you turned off and will not load either: %1. Takes effect when Hexhub starts again.</source>
        <translation>以下模块依赖于您关闭的模块，也将不会加载：%1。在 Hexhub 重新启动后生效。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>This is not a store address: %1</source>
        <translation>这不是有效的存储地址：%1</translation>
    </message>
    <message>
        <source>Module %1 did not load: %2</source>
        <translation>模块 %1 未能加载：%2</translation>
    </message>
    <message>
        <source>No modules found in: %1</source>
        <translation>在以下位置未找到模块：%1</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>暂无通知。</translation>
    </message>
    <message>
        <source>Custody safety check, case 2026-0412</source>
        <translation>在押人员安全检查，案件 2026-0412</translation>
    </message>
    <message>
        <source>Response target, incident 2026-1187 (P1)</source>
        <translation>响应时限，警情 2026-1187（一级）</translation>
    </message>
    <message>
        <source>12345 hotline reply, Riverside noise complaints</source>
        <translation>12345 热线答复，滨河噪音投诉</translation>
    </message>
    <message>
        <source>48-hour fast track, case 2026-0398</source>
        <translation>48 小时快办，案件 2026-0398</translation>
    </message>
    <message>
        <source>Take the %1 panel off the wall on %2</source>
        <translation>从%2上的大屏移除“%1”面板</translation>
    </message>
    <message>
        <source>Show the %1 panel on the wall on %2</source>
        <translation>在%2上的大屏显示“%1”面板</translation>
    </message>
    <message>
        <source>screen %1</source>
        <translation>屏幕 %1</translation>
    </message>
    <message>
        <source>Only %1, who made this change, or a supervisor decides on it.</source>
        <translation>只有做出此变更的 %1 或主管可以对其作出决定。</translation>
    </message>
    <message>
        <source>The store in the settings is not a store address: %1. Using the default store.</source>
        <translation>设置中的数据存储不是有效的存储地址：%1。将使用默认数据存储。</translation>
    </message>
    <message>
        <source>Only an administrator changes the store and the modules of this desk.</source>
        <translation>只有管理员可以更改本工作台的数据存储和模块。</translation>
    </message>
    <message>
        <source>it holds a password, which would be kept in plain text in the settings file; give the password in ~/.pgpass instead</source>
        <translation>其中含有密码，会以明文保存在设置文件中；请改为在 ~/.pgpass 中提供密码</translation>
    </message>
    <message>
        <source>Deadline missed: %1</source>
        <translation>已超时：%1</translation>
    </message>
    <message>
        <source>Escalated: %1</source>
        <translation>已升级：%1</translation>
    </message>
    <message>
        <source>Missed and not acknowledged (%1).</source>
        <translation>已超时且无人确认（%1）。</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>确认(&amp;K)</translation>
    </message>
    <message>
        <source>I have seen it and am on it (Space). It stays until its owner clears it.</source>
        <translation>我已知悉并在处理（空格键）。该时限会保留，直到其所属模块将其解除。</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>%1 已确认</translation>
    </message>
    <message>
        <source>Missed and nobody has acknowledged it: escalated to the hub supervisor.</source>
        <translation>已超时且无人确认：已升级至指挥中枢主管。</translation>
    </message>
    <message>
        <source>none: the maps draw their own streets</source>
        <translation>无：地图自行绘制街道</translation>
    </message>
    <message>
        <source>https://tiles.example.org/{z}/{x}/{y}.png</source>
        <translation>https://tiles.example.org/{z}/{x}/{y}.png</translation>
    </message>
    <message>
        <source>Map &amp;tiles URL:</source>
        <translation>地图瓦片地址(&amp;T)：</translation>
    </message>
    <message>
        <source>Optional: a tile server drawn under the maps, tiles kept on this computer. The maps work offline without it.</source>
        <translation>可选：在地图下方绘制的瓦片服务器，瓦片缓存在本机。没有它地图也能离线使用。</translation>
    </message>
    <message>
        <source>an address starting with https:// or http:// is needed</source>
        <translation>需要以 https:// 或 http:// 开头的地址</translation>
    </message>
    <message>
        <source>%1 missing: the address says where each tile is with {z}, {x} and {y}</source>
        <translation>缺少 %1：地址需用 {z}、{x} 和 {y} 指明每块瓦片的位置</translation>
    </message>
    <message>
        <source>This is not a map tile address: %1</source>
        <translation>这不是地图瓦片地址：%1</translation>
    </message>
    <message>
        <source>Hub supervisor</source>
        <translation>指挥中枢主管</translation>
    </message>
    <message>
        <source>Hexhub demo</source>
        <translation>Hexhub 演示</translation>
    </message>
    <message>
        <source>The trainer console cannot be loaded: %1</source>
        <translation>无法加载培训员控制台：%1</translation>
    </message>
    <message>
        <source>Trainer console</source>
        <translation>培训员控制台</translation>
    </message>
    <message>
        <source>Role switcher</source>
        <translation>角色切换</translation>
    </message>
    <message>
        <source>View as: %1</source>
        <translation>以此角色查看：%1</translation>
    </message>
    <message>
        <source>Look at the demo through another role&apos;s eyes: its demo user signs in, the windows stay.</source>
        <translation>以其他角色的视角查看演示：该角色的演示用户登录，窗口保持不变。</translation>
    </message>
    <message>
        <source>Simulation: %1 incidents, %2 units sent, %3 tasks to the centres</source>
        <translation>模拟：%1 起警情，派出 %2 支警力，向各中心下达 %3 项任务</translation>
    </message>
    <message>
        <source>The demo needs a training platform: a simulated clock and exercise marks.</source>
        <translation>演示需要培训平台：模拟时钟和演练标记。</translation>
    </message>
    <message>
        <source>The demo cannot start: %1</source>
        <translation>演示无法启动：%1</translation>
    </message>
    <message>
        <source>Exercise: %1</source>
        <translation>演练：%1</translation>
    </message>
    <message>
        <source>Handled by: %1</source>
        <translation>处理模块：%1</translation>
    </message>
    <message>
        <source>The trainer console did not start the scenario.</source>
        <translation>培训员控制台未能启动该场景。</translation>
    </message>
    <message>
        <source>Negotiator on the roof in time; ask for medical standby sooner.</source>
        <translation>谈判专家及时到达楼顶；应更早要求医疗待命。</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>%1&apos;s picture %2: the view %3 did not take its state.</source>
        <translation>%1 的图片 %2：视图 %3 未能恢复其状态。</translation>
    </message>
    <message>
        <source>Store offline: reconnecting</source>
        <translation>数据存储离线：正在重新连接</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>The connection to the server is not encrypted: anyone on the network between can read and change what this desk sends. Add ?sslmode=verify-full&amp;sslrootcert=(the CA file) to the store URL.</source>
        <translation>与服务器的连接未加密：网络中间的任何人都能读取并篡改本席位发送的内容。请在存储 URL 中加入 ?sslmode=verify-full&amp;sslrootcert=（CA 文件）。</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Reset &amp;password...</source>
        <translation>重置密码(&amp;P)……</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Part of a user name or display name</source>
        <translation>用户名或显示名称的一部分</translation>
    </message>
    <message>
        <source>Only an administrator manages accounts (the permission core.users.manage).</source>
        <translation>只有管理员可以管理账户（权限 core.users.manage）。</translation>
    </message>
    <message>
        <source>The account can no longer sign in (on a shared server, its login neither).</source>
        <translation>该账户将无法再登录（在共享服务器上，其数据库登录名也无法登录）。</translation>
    </message>
    <message>
        <source>Lifts the lock that repeated failed sign-ins put on the account.</source>
        <translation>解除因多次登录失败而对该账户施加的锁定。</translation>
    </message>
    <message>
        <source>Give the account a role, or take one away.</source>
        <translation>为该账户授予角色，或撤销其角色。</translation>
    </message>
    <message>
        <source>You cannot disable your own account; ask another administrator.</source>
        <translation>您不能停用自己的账户；请另一位管理员操作。</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>Reading the accounts...</source>
        <translation>正在读取账户……</translation>
    </message>
    <message>
        <source>Accounts found: %1</source>
        <translation>找到的账户：%1</translation>
    </message>
    <message>
        <source>%1 now has the role %2.</source>
        <translation>%1 现已拥有角色“%2”。</translation>
    </message>
    <message>
        <source>%1 no longer has the role %2.</source>
        <translation>%1 已不再拥有角色“%2”。</translation>
    </message>
    <message>
        <source>%1 is disabled and cannot sign in.</source>
        <translation>%1 已停用，无法登录。</translation>
    </message>
    <message>
        <source>%1 is enabled and can sign in again.</source>
        <translation>%1 已启用，可以重新登录。</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 已解锁。</translation>
    </message>
    <message>
        <source>The password of %1 is reset.</source>
        <translation>%1 的密码已重置。</translation>
    </message>
    <message>
        <source>No role: this user may sign in and use nothing.</source>
        <translation>无角色：该用户可以登录，但无法使用任何功能。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码修改时间</translation>
    </message>
    <message>
        <source>Change my password...</source>
        <translation>修改我的密码……</translation>
    </message>
    <message>
        <source>Accounts...</source>
        <translation>账户……</translation>
    </message>
    <message>
        <source>Only an administrator manages accounts.</source>
        <translation>只有管理员可以管理账户。</translation>
    </message>
    <message>
        <source>Sign in first to change your password.</source>
        <translation>请先登录再修改密码。</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>Kept on this desk until the server is back</source>
        <translation>已保存在本工作台，待服务器恢复后发送</translation>
    </message>
    <message>
        <source>waiting behind a change to the same record that needs a decision</source>
        <translation>排在同一记录上一项待决定的变更之后</translation>
    </message>
    <message>
        <source>waiting for %1, who made it, to sign in</source>
        <translation>等待其发起人 %1 登录</translation>
    </message>
    <message>
        <source>conflict: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <source>Setting the password...</source>
        <translation>正在设置密码……</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>A new password for %1. From now on they sign in with it; give it to them in person, and they can change it at their desk.</source>
        <translation>为 %1 设置新密码。此后其将使用该密码登录；请当面告知，其可在自己的工作台上修改。</translation>
    </message>
    <message>
        <source>The password you sign in with as %1. Type the current one first.</source>
        <translation>您以 %1 身份登录所用的密码。请先输入当前密码。</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>At least 12 characters and three of: lower-case letters, upper-case letters, digits, symbols; not the user name, not a well-known password.</source>
        <translation>至少 12 个字符，且包含小写字母、大写字母、数字、符号中的三类；不得包含用户名，不得是常见密码。</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>设置密码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <source>Type your current password first.</source>
        <translation>请先输入当前密码。</translation>
    </message>
    <message>
        <source>Your account: change your password, lock this desk</source>
        <translation>您的账户：修改密码、锁定本工作台</translation>
    </message>
    <message>
        <source>The server cannot be reached; Hexhub keeps trying. Meanwhile the hub&apos;s work (incidents, dispatches, tasks, units, categories, cameras, snapshots and clips) is kept on this desk and sent when it is back; accounts wait for the server.</source>
        <translation>无法连接服务器；Hexhub 会继续尝试。在此期间，指挥中心的工作（警情、派警、任务、警力、类别、摄像机、截图和片段）保存在本工作台，服务器恢复后发送；账户操作需等待服务器。</translation>
    </message>
    <message numerus="yes">
        <source>and %n more; the timelines and the boards have them all.</source>
        <translation>
            <numerusform>另有 %n 条；时间线和看板上有全部内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them priority:</source>
        <translation>
            <numerusform>其中 %n 条为优先：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events while this desk was closed</source>
        <translation>
            <numerusform>本工作台关闭期间发生了 %n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Time limits...</source>
        <translation>时限……</translation>
    </message>
    <message>
        <source>Only an administrator changes the time limits.</source>
        <translation>只有管理员可以修改时限。</translation>
    </message>
    <message>
        <source>Back to the &amp;default</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save the change</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>The time limits the centres keep, on the hub&apos;s deadline queue. A changed length applies to what starts after the change; limits already running keep their due time.</source>
        <translation>各中心遵守的时限，显示在中枢的到期队列中。修改后的时长适用于修改之后开始的事项；已在计时的时限保持原到期时间。</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>时长(&amp;L)</translation>
    </message>
    <message>
        <source>Why the limit changes; it goes on record with it</source>
        <translation>修改时限的理由，将一并记录在案</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>The time limits cannot be read: %1</source>
        <translation>无法读取时限：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未修改</translation>
    </message>
    <message>
        <source>Changed from the default</source>
        <translation>已不同于默认值</translation>
    </message>
    <message>
        <source>That is the length in force already.</source>
        <translation>这已是现行时长。</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>%1: now %2 (on the journal and the audit trail).</source>
        <translation>%1：现为 %2（已记入事件日志和审计记录）。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more running later</source>
        <translation>
            <numerusform>……另有 %n 项稍后到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::shell::TrainingStrip</name>
    <message>
        <source>Training - synthetic data</source>
        <translation>培训 - 合成数据</translation>
    </message>
    <message>
        <source>This desk runs on the demo store: everything here is synthetic, and every message it sends is marked as an exercise.</source>
        <translation>本工作台使用演示数据存储运行：此处的一切均为合成数据，发出的每条消息都标记为演练。</translation>
    </message>
</context>
<context>
    <name>hexhub::supervision::Snapshot</name>
    <message>
        <source>Public demands</source>
        <translation>群众诉求</translation>
    </message>
</context>
<context>
    <name>hexhub::supervision::SupervisionModule</name>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>Public demands from many channels with routing, SLAs and escalation; oversight of service and law-enforcement quality.</source>
        <translation>多渠道群众诉求的分派、时限与升级；服务和执法质量监督。</translation>
    </message>
</context>
<context>
    <name>hexhub::training</name>
    <message>
        <source>Score %1%: %2 met, %3 late, %4 missed</source>
        <translation>得分 %1%：%2 项达标，%3 项超时，%4 项未完成</translation>
    </message>
    <message>
        <source>Inject</source>
        <translation>注入事件</translation>
    </message>
    <message>
        <source>Branch inject</source>
        <translation>分支注入事件</translation>
    </message>
    <message>
        <source>Manual inject</source>
        <translation>手动注入事件</translation>
    </message>
    <message>
        <source>Inject failed</source>
        <translation>注入失败</translation>
    </message>
    <message>
        <source>Trainee action</source>
        <translation>学员操作</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许用时</translation>
    </message>
    <message>
        <source>minutes after the inject</source>
        <translation>注入事件后的分钟数</translation>
    </message>
    <message>
        <source>Injects</source>
        <translation>注入事件</translation>
    </message>
    <message>
        <source>Trainee actions</source>
        <translation>学员操作</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>minutes from the start</source>
        <translation>自开始起的分钟数</translation>
    </message>
    <message>
        <source>After-action review: %1</source>
        <translation>复盘：%1</translation>
    </message>
    <message>
        <source>Hexhub after-action review - %1 - training, synthetic data</source>
        <translation>Hexhub 复盘 - %1 - 培训，合成数据</translation>
    </message>
    <message>
        <source>Training - synthetic data</source>
        <translation>培训 - 合成数据</translation>
    </message>
    <message>
        <source>After-action review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Trainee: %1</source>
        <translation>学员：%1</translation>
    </message>
    <message>
        <source>everyone at the desk</source>
        <translation>工作台全体人员</translation>
    </message>
    <message>
        <source>Trainer: %1</source>
        <translation>培训员：%1</translation>
    </message>
    <message>
        <source>Date: %1 (simulated clock)</source>
        <translation>日期：%1（模拟时钟）</translation>
    </message>
    <message>
        <source>Ran for %1 of %2 planned</source>
        <translation>实际进行 %1，计划 %2</translation>
    </message>
    <message>
        <source>Expected responses</source>
        <translation>预期响应</translation>
    </message>
    <message>
        <source>Expected response</source>
        <translation>预期响应</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许用时</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>响应用时</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Injects and the trainee&apos;s actions</source>
        <translation>注入事件与学员操作</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>%1
Trainee: %2 - trainer: %3 - %4
%5</source>
        <translation>%1
学员：%2 - 培训员：%3 - %4
%5</translation>
    </message>
    <message>
        <source>&amp;Export PDF...</source>
        <translation>导出 PDF(&amp;E)...</translation>
    </message>
    <message>
        <source>Export the review</source>
        <translation>导出复盘报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Written to %1 (%n page(s)).</source>
        <translation>
            <numerusform>已写入 %1（共 %n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1 ...</source>
        <translation>正在写入 %1 ...</translation>
    </message>
</context>
<context>
    <name>hexhub::training::TrainerConsole</name>
    <message>
        <source>Open a scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>场景文件 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open file...</source>
        <translation>打开文件(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Trainee</source>
        <translation>学员(&amp;T)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 分钟</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 分钟</translation>
    </message>
    <message>
        <source>+15 min</source>
        <translation>+15 分钟</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>下一事件</translation>
    </message>
    <message>
        <source>Jump the simulated clock to the run&apos;s next inject or deadline</source>
        <translation>将模拟时钟跳到本次演练的下一个注入事件或截止时间</translation>
    </message>
    <message>
        <source>&amp;Inject now</source>
        <translation>立即注入(&amp;I)</translation>
    </message>
    <message>
        <source>An inject of your own, as in a scenario file: {&quot;kind&quot;: &quot;event&quot;, &quot;topic&quot;: ..., &quot;payload&quot;: {...}, &quot;handledBy&quot;: &quot;hub&quot;}</source>
        <translation>自定义注入事件，格式同场景文件：{&quot;kind&quot;: &quot;event&quot;, &quot;topic&quot;: ..., &quot;payload&quot;: {...}, &quot;handledBy&quot;: &quot;hub&quot;}</translation>
    </message>
    <message>
        <source>Inject JSON</source>
        <translation>注入 JSON</translation>
    </message>
    <message>
        <source>A note at this moment, for the review</source>
        <translation>记录此刻的备注，供复盘使用</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>复盘(&amp;R)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Expected response</source>
        <translation>预期响应</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Only a simulated clock can be paused, sped up or moved: start Hexhub with --demo.</source>
        <translation>只有模拟时钟才能暂停、加速或跳转：请使用 --demo 启动 Hexhub。</translation>
    </message>
    <message>
        <source>Everyone but the trainer</source>
        <translation>除培训员外的所有人</translation>
    </message>
    <message>
        <source>%1 cannot run:
%2</source>
        <translation>%1 无法运行：
%2</translation>
    </message>
    <message>
        <source>%1
Planned duration %2. Handled by: %3.</source>
        <translation>%1
计划时长 %2。处理模块：%3。</translation>
    </message>
    <message>
        <source>A run is on: stop it first.</source>
        <translation>演练正在进行：请先停止。</translation>
    </message>
    <message>
        <source>The run has ended: %1</source>
        <translation>演练已结束：%1</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>已开始：%1。</translation>
    </message>
    <message>
        <source>Start a run first: an inject belongs to a run.</source>
        <translation>请先开始演练：注入事件须属于某次演练。</translation>
    </message>
    <message>
        <source>Not JSON: %1 at character %2</source>
        <translation>不是 JSON：第 %2 个字符处%1</translation>
    </message>
    <message>
        <source>An inject is a JSON object.</source>
        <translation>注入事件必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Speed %1x</source>
        <translation>速度 %1x</translation>
    </message>
    <message>
        <source>%1 (simulated) - run T+%2</source>
        <translation>%1（模拟时间）- 演练 T+%2</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation>%1（模拟时间）</translation>
    </message>
</context>
<context>
    <name>hexhub_taxonomy</name>
    <message>
        <source>Person at height (rooftop rescue)</source>
        <translation>高处轻生（楼顶救援）</translation>
    </message>
    <message>
        <source>Confirm the exact position and how many people are at risk</source>
        <translation>确认准确位置及涉险人数</translation>
    </message>
    <message>
        <source>Clear and cordon the area below</source>
        <translation>清空并封控下方区域</translation>
    </message>
    <message>
        <source>Ask fire liaison to lay the air cushion</source>
        <translation>请消防联络铺设救生气垫</translation>
    </message>
    <message>
        <source>Negotiator in contact</source>
        <translation>谈判专家已接触</translation>
    </message>
    <message>
        <source>Drone overhead, its feed on the wall</source>
        <translation>无人机就位，画面上大屏</translation>
    </message>
    <message>
        <source>Medical standby for heatstroke</source>
        <translation>医疗待命，防范中暑</translation>
    </message>
    <message>
        <source>Everyone brought to safety</source>
        <translation>全部人员已脱险</translation>
    </message>
    <message>
        <source>Hand over to medical staff or family</source>
        <translation>移交医护人员或家属</translation>
    </message>
    <message>
        <source>Traffic accident</source>
        <translation>交通事故</translation>
    </message>
    <message>
        <source>Secure the scene and warn oncoming traffic</source>
        <translation>保护现场并警示来车</translation>
    </message>
    <message>
        <source>Check for injured people and call medical</source>
        <translation>检查伤员并呼叫医疗</translation>
    </message>
    <message>
        <source>Record vehicles, drivers and witnesses</source>
        <translation>登记车辆、驾驶人和证人</translation>
    </message>
    <message>
        <source>Clear the carriageway</source>
        <translation>清理车道</translation>
    </message>
    <message>
        <source>Burglary</source>
        <translation>入室盗窃</translation>
    </message>
    <message>
        <source>Check whether suspects are still present</source>
        <translation>确认嫌疑人是否仍在现场</translation>
    </message>
    <message>
        <source>Protect the scene for forensics</source>
        <translation>保护现场以便勘查</translation>
    </message>
    <message>
        <source>Take the victim&apos;s statement</source>
        <translation>制作被害人笔录</translation>
    </message>
    <message>
        <source>List the stolen property</source>
        <translation>清点被盗财物</translation>
    </message>
    <message>
        <source>Assault</source>
        <translation>殴打他人</translation>
    </message>
    <message>
        <source>Separate the parties</source>
        <translation>隔离双方</translation>
    </message>
    <message>
        <source>First aid, call medical</source>
        <translation>急救并呼叫医疗</translation>
    </message>
    <message>
        <source>Identify witnesses</source>
        <translation>确认证人</translation>
    </message>
    <message>
        <source>Arrest or identify the suspect</source>
        <translation>抓获或查明嫌疑人</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <source>Confirm the fire service is on its way</source>
        <translation>确认消防已出动</translation>
    </message>
    <message>
        <source>Evacuate and cordon</source>
        <translation>疏散并封控</translation>
    </message>
    <message>
        <source>Keep the road clear for fire engines</source>
        <translation>为消防车保持道路畅通</translation>
    </message>
    <message>
        <source>Missing person</source>
        <translation>人员走失</translation>
    </message>
    <message>
        <source>Get a description and the place last seen</source>
        <translation>获取体貌特征和最后出现地点</translation>
    </message>
    <message>
        <source>Search nearby with foot patrols</source>
        <translation>步巡警力就近搜寻</translation>
    </message>
    <message>
        <source>Drone search of open ground</source>
        <translation>无人机搜索空旷地带</translation>
    </message>
    <message>
        <source>Check the cameras near the place last seen</source>
        <translation>调看最后出现地点附近的监控</translation>
    </message>
    <message>
        <source>Public disturbance</source>
        <translation>扰乱公共秩序</translation>
    </message>
    <message>
        <source>Assess the crowd and the risk</source>
        <translation>评估人群与风险</translation>
    </message>
    <message>
        <source>Calm the situation or disperse</source>
        <translation>平息事态或驱散人群</translation>
    </message>
    <message>
        <source>Record those responsible</source>
        <translation>登记责任人</translation>
    </message>
    <message>
        <source>Suspicious item</source>
        <translation>可疑物品</translation>
    </message>
    <message>
        <source>Cordon at 100 metres</source>
        <translation>在 100 米外设警戒</translation>
    </message>
    <message>
        <source>No radios or phones near the item</source>
        <translation>物品附近禁止使用对讲机和手机</translation>
    </message>
    <message>
        <source>Specialist assessment</source>
        <translation>专业人员评估</translation>
    </message>
    <message>
        <source>Clear or make safe</source>
        <translation>排除或排险</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Assess on arrival</source>
        <translation>到场后评估</translation>
    </message>
    <message>
        <source>roof, rooftop, ledge, edge of, height, balcony, jump, parapet</source>
        <translation>楼顶, 天台, 屋顶, 楼沿, 窗台, 阳台, 跳楼, 轻生, 高处</translation>
    </message>
    <message>
        <source>crash, collided, collision, accident, car, cars, van, lorry, truck, scooter, motorbike, knocked down, driver, pedestrian</source>
        <translation>车祸, 相撞, 追尾, 碰撞, 事故, 汽车, 货车, 面包车, 电动车, 摩托车, 撞倒, 司机, 行人</translation>
    </message>
    <message>
        <source>burglary, broken into, break-in, forced, burgled, stolen, climbing into, jewellery, laptop</source>
        <translation>入室, 盗窃, 被盗, 撬门, 撬锁, 翻窗, 失窃, 首饰, 笔记本电脑</translation>
    </message>
    <message>
        <source>fight, punched, stabbed, beaten, bleeding, attacked, assault, threatened, pushed, knife</source>
        <translation>打架, 斗殴, 殴打, 被打, 捅伤, 流血, 袭击, 威胁, 推搡, 持刀</translation>
    </message>
    <message>
        <source>fire, smoke, burning, flames, blaze, explosion</source>
        <translation>火灾, 着火, 起火, 冒烟, 浓烟, 燃烧, 火焰, 爆炸</translation>
    </message>
    <message>
        <source>missing, lost child, separated, dementia, disappeared, not come home</source>
        <translation>走失, 失踪, 找不到, 走散, 老年痴呆, 未归, 没回家</translation>
    </message>
    <message>
        <source>noise, loud, music, shouting, drunk, crowd, dispute, blocking</source>
        <translation>噪音, 吵闹, 音乐, 喊叫, 醉酒, 聚集, 纠纷, 堵塞</translation>
    </message>
    <message>
        <source>suspicious, unattended, suitcase, package, bag left, wires</source>
        <translation>可疑, 无人看管, 行李箱, 包裹, 遗留, 电线</translation>
    </message>
</context>
<context>
    <name>hexhub_widgets</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>%1: not GeoJSON: %2 at byte %3</source>
        <translation>%1：不是 GeoJSON：第 %3 字节处%2</translation>
    </message>
    <message>
        <source>%1: features[%2]</source>
        <translation>%1：features[%2]</translation>
    </message>
    <message>
        <source>%1.geometry.coordinates: a line needs two or more [longitude, latitude] positions on the earth</source>
        <translation>%1.geometry.coordinates：线需要两个或以上位于地球上的 [经度, 纬度] 坐标</translation>
    </message>
    <message>
        <source>%1.geometry.coordinates: a ring needs [longitude, latitude] positions on the earth</source>
        <translation>%1.geometry.coordinates：环需要位于地球上的 [经度, 纬度] 坐标</translation>
    </message>
    <message>
        <source>%1.geometry.coordinates: not a [longitude, latitude] position on the earth</source>
        <translation>%1.geometry.coordinates：不是位于地球上的 [经度, 纬度] 坐标</translation>
    </message>
    <message>
        <source>%1.geometry.type: &apos;%2&apos; is not a geometry this map draws (LineString, Polygon, Point and their Multi forms)</source>
        <translation>%1.geometry.type：“%2”不是本地图可绘制的几何类型（LineString、Polygon、Point 及其 Multi 形式）</translation>
    </message>
    <message>
        <source>Map tile %1 from %2 is larger than a tile can be.</source>
        <translation>来自 %2 的地图瓦片 %1 超过了瓦片的最大大小。</translation>
    </message>
    <message>
        <source>Map tile %1: %2 did not answer within %3 seconds.</source>
        <translation>地图瓦片 %1：%2 在 %3 秒内没有响应。</translation>
    </message>
    <message>
        <source>Map tile %1 did not come: %2</source>
        <translation>地图瓦片 %1 未获取到：%2</translation>
    </message>
    <message>
        <source>Map tile %1 from %2 is not a tile image.</source>
        <translation>来自 %2 的地图瓦片 %1 不是瓦片图像。</translation>
    </message>
    <message>
        <source>%1 is not a tile address: it needs {z}, {x} and {y}, as in https://tiles.example.org/{z}/{x}/{y}.png</source>
        <translation>%1 不是瓦片地址：需要 {z}、{x} 和 {y}，例如 https://tiles.example.org/{z}/{x}/{y}.png</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>This is not a synthetic: address.</source>
        <translation>这不是 synthetic: 地址。</translation>
    </message>
    <message>
        <source>There is no scene &quot;%1&quot; (there are: %2).</source>
        <translation>没有场景“%1”（现有：%2）。</translation>
    </message>
    <message>
        <source>ALT %1 m   HDG %2°   SPD %3 m/s</source>
        <translation>高度 %1 米   航向 %2°   速度 %3 米/秒</translation>
    </message>
    <message>
        <source>One camera</source>
        <translation>单画面</translation>
    </message>
    <message>
        <source>Four cameras (2 × 2)</source>
        <translation>四画面（2 × 2）</translation>
    </message>
    <message>
        <source>Nine cameras (3 × 3)</source>
        <translation>九画面（3 × 3）</translation>
    </message>
    <message>
        <source>Sixteen cameras (4 × 4)</source>
        <translation>十六画面（4 × 4）</translation>
    </message>
    <message>
        <source>One large and five small</source>
        <translation>一大五小</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <source>Back to the wall</source>
        <translation>返回视频墙</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Tear off onto another screen</source>
        <translation>拖出到另一块屏幕</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Clear tile</source>
        <translation>清空画面格</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>The stream failed: %1</source>
        <translation>视频流出错：%1</translation>
    </message>
    <message>
        <source>The stream ended.</source>
        <translation>视频流已结束。</translation>
    </message>
    <message>
        <source>The stream cannot be played.</source>
        <translation>无法播放该视频流。</translation>
    </message>
    <message>
        <source>The wall cannot play &quot;%1&quot;: use an rtsp, http, https, file or synthetic address.</source>
        <translation>视频墙无法播放“%1”：请使用 rtsp、http、https、file 或 synthetic 地址。</translation>
    </message>
    <message>
        <source>No picture came within %1 s.</source>
        <translation>%1 秒内没有收到画面。</translation>
    </message>
    <message>
        <source>No picture for %1 s.</source>
        <translation>已 %1 秒没有画面。</translation>
    </message>
    <message>
        <source>Tile %1</source>
        <translation>画面格 %1</translation>
    </message>
    <message>
        <source>Drop a camera here</source>
        <translation>将摄像机拖到这里</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not tried again: the address needs fixing.</source>
        <translation>不再重试：地址需要修正。</translation>
    </message>
    <message>
        <source>Trying again in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>There is no picture to add to the clip.</source>
        <translation>没有可加入视频片段的画面。</translation>
    </message>
    <message>
        <source>The picture could not be encoded as JPEG.</source>
        <translation>画面无法编码为 JPEG。</translation>
    </message>
    <message>
        <source>This is not a JPEG picture.</source>
        <translation>这不是 JPEG 图像。</translation>
    </message>
    <message>
        <source>The picture is %1 × %2 pixels; the clip&apos;s frames are %3 × %4.</source>
        <translation>画面为 %1 × %2 像素；视频片段的帧为 %3 × %4。</translation>
    </message>
    <message>
        <source>The clip has no frame to repeat yet.</source>
        <translation>视频片段还没有可重复的帧。</translation>
    </message>
    <message>
        <source>The clip would grow past %1 MB, the most an AVI file holds.</source>
        <translation>视频片段将超过 %1 MB，即 AVI 文件的上限。</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Record a clip</source>
        <translation>录制视频片段</translation>
    </message>
    <message>
        <source>REC %1</source>
        <translation>录制 %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be started.</source>
        <translation>无法写入 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>There is no report open to finish.</source>
        <translation>没有打开的报告可以完成。</translation>
    </message>
    <message>
        <source>Re&amp;veal...</source>
        <translation>查看(&amp;V)……</translation>
    </message>
    <message>
        <source>Shows %1; asks for a reason, which goes on record</source>
        <translation>显示%1；需填写理由，理由将被记录</translation>
    </message>
    <message>
        <source>Reveal %1</source>
        <translation>查看%1</translation>
    </message>
    <message>
        <source>Why do you need it? The reason goes on record with your name.</source>
        <translation>为什么需要查看？理由将连同您的姓名一并记录。</translation>
    </message>
    <message>
        <source>%1 (revealed, on record)</source>
        <translation>%1（已查看，已记录）</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <comment>timeline line: time, who, what</comment>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>Cannot read the records: %1</source>
        <translation>无法读取记录：%1</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载……</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>时段(&amp;P)：</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>From a date to a date</source>
        <translation>自定日期范围</translation>
    </message>
    <message>
        <source>Reading...</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <source>The figures cannot be read: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>Export the list as CSV</source>
        <translation>将列表导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>正在导出到 %1……</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export could not be written: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
    <message>
        <source>At least five characters; it goes on record</source>
        <translation>至少五个字符；将记录在案</translation>
    </message>
    <message>
        <source>The dashboard cannot be shown: %1</source>
        <translation>无法显示看板：%1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report...</source>
        <translation>正在生成报告……</translation>
    </message>
    <message numerus="yes">
        <source>Report saved: %1 (%n page(s))</source>
        <translation>
            <numerusform>报告已保存：%1（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>报告未保存：%1</translation>
    </message>
</context>
</TS>
