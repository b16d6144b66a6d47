-- The centre's library of law-enforcement guidelines (issue 22 section 1): documents in each
-- language, each linked to the stage of a case it guides (empty: the custody suite, any stage),
-- searched by full text, Chinese included. The bundled ones are synthetic, written for Hexhub.
CREATE TABLE cm_guidelines (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL,                      -- G-01: one code, a document in each language
    language    TEXT NOT NULL CHECK (language IN ('en', 'zh_CN')),
    stage       TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',           -- what it rests on
    updated_at  INTEGER NOT NULL DEFAULT 0,
    updated_by  TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (code, language)
);
CREATE INDEX cm_guidelines_stage ON cm_guidelines (language, stage, code);
-- The full text: an FTS5 index with the trigram tokenizer (any three characters match, Chinese
-- included), kept in step by triggers.
CREATE VIRTUAL TABLE cm_guidelines_fts USING fts5(title, body, content = 'cm_guidelines', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER cm_guidelines_fts_insert AFTER INSERT ON cm_guidelines BEGIN
    INSERT INTO cm_guidelines_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER cm_guidelines_fts_delete AFTER DELETE ON cm_guidelines BEGIN
    INSERT INTO cm_guidelines_fts (cm_guidelines_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER cm_guidelines_fts_update AFTER UPDATE OF title, body ON cm_guidelines BEGIN
    INSERT INTO cm_guidelines_fts (cm_guidelines_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO cm_guidelines_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

INSERT INTO cm_guidelines (code, language, stage, title, body, source) VALUES
    ('G-01', 'en', 'registered', 'Registering a criminal case', 'Before a case is registered, check three things: the facts show that a crime may have been committed and that it should be prosecuted; the case is within this unit''s jurisdiction; and the source is on record (a report, a complaint, a referral, a hand-over from the hub). Record who received the report and when. A report that does not meet the threshold is answered in writing with the reason, and the person who reported it is told how to ask for a review.', 'Criminal Procedure Law, registration'),
    ('G-01', 'zh_CN', 'registered', '刑事案件立案', '立案前核查三点：事实表明可能发生了犯罪且需要追究刑事责任；案件属于本单位管辖；线索来源有据可查（报案、控告、移送、指挥中心交办）。记录接报人和接报时间。不符合立案条件的，书面答复并说明理由，告知报案人申请复议的途径。', '刑事诉讼法 立案'),
    ('G-02', 'en', 'investigating', 'Taking statements and securing evidence', 'Interviews are held by at least two officers and recorded on video from start to end; the recording reference goes on the custody record. Physical evidence is photographed where found, sealed, labelled and handed to the property store with a chain-of-custody entry signed by giver and receiver. Digital evidence is copied with a write blocker and its hash recorded before anyone looks at it.', 'Evidence rules'),
    ('G-02', 'zh_CN', 'investigating', '询问讯问与证据固定', '讯问、询问由两名以上民警进行，全程录音录像；录像编号记入羁押记录。物证在发现处拍照、封存、贴签，移交涉案财物保管室，交接双方在保管链记录上签字。电子数据使用只读设备复制，查看前先记录其哈希值。', '证据规则'),
    ('G-03', 'en', 'measures', 'Criminal detention: the 24-hour duties', 'Once a person is detained, three clocks of 24 hours start: the transfer to the detention centre, the notice to the family, and the first interrogation. The family is told the reason and the place of detention unless that would hinder the investigation in the cases the law allows, and the reason for not telling them is put on the file. Each duty met is recorded with the time and who did it.', 'Criminal Procedure Law, detention'),
    ('G-03', 'zh_CN', 'measures', '刑事拘留：24小时内的义务', '人员被刑事拘留后，三个24小时时限同时开始计算：送看守所羁押、通知家属、首次讯问。除法律允许的有碍侦查情形外，应告知家属拘留原因和羁押处所，不通知的理由应记入案卷。每项义务完成后记录时间和经办人。', '刑事诉讼法 拘留'),
    ('G-04', 'en', 'referred', 'Requesting an arrest and referring the case', 'The request for arrest goes to the procuratorate within three days of detention; it may be extended by one to four days, and to thirty days in all for a roving, repeat or gang suspect, each extension approved first. The procuratorate decides within seven days. The file sent with the request lists the evidence, the statements, the property seized and the custody record.', 'Criminal Procedure Law, arrest'),
    ('G-04', 'zh_CN', 'referred', '提请逮捕与移送审查起诉', '提请批准逮捕应在拘留后三日内提出；可延长一至四日，对流窜作案、多次作案、结伙作案的重大嫌疑分子可延长至三十日，每次延长须先经批准。检察院在七日内作出决定。随案移送的案卷应列明证据、笔录、扣押财物和羁押记录。', '刑事诉讼法 逮捕'),
    ('G-05', 'en', 'tried', 'The 48-hour fast track for minor cases', 'A minor criminal case may take the fast track when the likely sentence is within three years and the suspect''s guilty plea is accepted. From the moment it is on the track, the investigation is complete and the case referred within 24 hours, prosecuted within 36 and tried within 48. The prosecution and the court receive the case file and its status document with each step.', 'Fast-track procedure'),
    ('G-05', 'zh_CN', 'tried', '轻微刑事案件48小时快速办理', '可能判处三年有期徒刑以下刑罚、犯罪嫌疑人认罪认罚的轻微刑事案件，可以适用快速办理。自纳入快速办理起，24小时内侦查终结并移送审查起诉，36小时内提起公诉，48小时内开庭审理。每一步都向检察院和法院推送案卷及状态文件。', '速裁程序'),
    ('G-06', 'en', 'accepted', 'Administrative questioning', 'Questioning in an administrative case lasts no more than eight hours, or twenty-four where detention is likely. The person''s family is told of the questioning and where it takes place. The questioning is recorded, and the person reads and signs the record or the refusal to sign is noted.', 'Public Security Administration Punishments Law'),
    ('G-06', 'zh_CN', 'accepted', '行政案件询问查证', '行政案件询问查证时间不超过八小时；可能适用行政拘留的，不超过二十四小时。应通知被询问人家属询问的事由和处所。询问过程应记录，被询问人阅读并签名，拒绝签名的应注明。', '治安管理处罚法'),
    ('G-07', 'en', 'decided', 'Deciding an administrative case', 'An administrative case is decided within thirty days of being accepted; with approval it may be extended once by thirty days. Before a decision to detain or to impose a large fine, the person is told of the facts, the grounds and the right to be heard, and what they say is answered on the record.', 'Public Security Administration Punishments Law'),
    ('G-07', 'zh_CN', 'decided', '行政案件的处理决定', '行政案件应在受理之日起三十日内办结；经批准可延长三十日。作出行政拘留或较大数额罚款决定前，应告知当事人事实、理由、依据及陈述申辩权利，对其陈述申辩应在记录中作出回应。', '治安管理处罚法'),
    ('G-08', 'en', '', 'Welfare checks in the custody suite', 'Everyone held is checked at the interval their risk sets: every 60 minutes, every 30 when intoxicated, injured or unwell, every 15 at risk of self-harm. A person asleep is roused and must respond. Record what was seen and said; a concern is raised with the supervisor at once. A heavily drunk person lying on their back is turned into the recovery position.', 'Custody suite practice'),
    ('G-08', 'zh_CN', '', '办案区的安全巡查', '所有在押人员按风险等级定时巡查：一般每60分钟一次；醉酒、受伤或身体不适的每30分钟一次；有自伤风险的每15分钟一次。对熟睡人员应唤醒并确认其有反应。记录所见所闻；发现异常立即报告值班负责人。醉酒严重且仰卧的人员应调整为复原卧位。', '办案区工作规范');
