<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>hexhub</name>
    <message numerus="yes">
        <source>The audit chain is intact: %n row(s) verified.</source>
        <translation>
            <numerusform>The audit chain is intact: %n row verified.</numerusform>
            <numerusform>The audit chain is intact: %n rows verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: nearest available %2, %3 km by road, about %n min</source>
        <translation>
            <numerusform>%1: nearest available %2, %3 km by road, about %n minute</numerusform>
            <numerusform>%1: nearest available %2, %3 km by road, about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: nearest available %2, %3 km in a straight line, about %n min</source>
        <translation>
            <numerusform>%1: nearest available %2, %3 km in a straight line, about %n minute</numerusform>
            <numerusform>%1: nearest available %2, %3 km in a straight line, about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: nearest available %2, %3 km in a straight line (off the road map), about %n min</source>
        <translation>
            <numerusform>%1: nearest available %2, %3 km in a straight line (off the road map), about %n minute</numerusform>
            <numerusform>%1: nearest available %2, %3 km in a straight line (off the road map), about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s).</source>
        <translation>
            <numerusform>%1: %n problem.</numerusform>
            <numerusform>%1: %n problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There are no units with a position in the store: no exercise incidents until there are some (looking again every %n minute(s)).</source>
        <translation>
            <numerusform>There are no units with a position in the store: no exercise incidents until there are some (looking again every minute).</numerusform>
            <numerusform>There are no units with a position in the store: no exercise incidents until there are some (looking again every %n minutes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The exercise simulation runs with %n unit(s).</source>
        <translation>
            <numerusform>The exercise simulation runs with %n unit.</numerusform>
            <numerusform>The exercise simulation runs with %n units.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is not a demo store: it holds %n incident(s) and no demo mark. Demo mode never opens live data; name a new file, or none for the standard demo store.</source>
        <translation>
            <numerusform>%1 is not a demo store: it holds %n incident and no demo mark. Demo mode never opens live data; name a new file, or none for the standard demo store.</numerusform>
            <numerusform>%1 is not a demo store: it holds %n incidents and no demo mark. Demo mode never opens live data; name a new file, or none for the standard demo store.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) at the centres&apos; desks.</source>
        <translation>
            <numerusform>%n colleague at the centres&apos; desks.</numerusform>
            <numerusform>%n colleagues at the centres&apos; desks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::AnalystDesk</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s)</source>
        <translation>
            <numerusform>%n dataset</numerusform>
            <numerusform>%n datasets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, version %3, %n parameter(s); no problem</source>
        <translation>
            <numerusform>%1: %2, version %3, %n parameter; no problem</numerusform>
            <numerusform>%1: %2, version %3, %n parameters; no problem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the model cannot be saved or run until they are fixed</source>
        <translation>
            <numerusform>%n problem: the model cannot be saved or run until they are fixed</numerusform>
            <numerusform>%n problems: the model cannot be saved or run until they are fixed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 version %2 over %3 · %4 · %5 rows · %n hit(s)</source>
        <translation>
            <numerusform>%1 version %2 over %3 · %4 · %5 rows · %n hit</numerusform>
            <numerusform>%1 version %2 over %3 · %4 · %5 rows · %n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s) past their retention date removed (on the journal and the audit trail).</source>
        <translation>
            <numerusform>%n dataset past its retention date removed (on the journal and the audit trail).</numerusform>
            <numerusform>%n datasets past their retention date removed (on the journal and the audit trail).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Batch</name>
    <message numerus="yes">
        <source>%1: %n row(s) set aside:</source>
        <translation>
            <numerusform>%1: %n row set aside:</numerusform>
            <numerusform>%1: %n rows set aside:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, version %3) over %4: %n row(s)</source>
        <translation>
            <numerusform>%1 (%2, version %3) over %4: %n row</numerusform>
            <numerusform>%1 (%2, version %3) over %4: %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>shared with %n other(s)</source>
        <translation>
            <numerusform>shared with %n other</numerusform>
            <numerusform>shared with %n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more hit(s) not shown</source>
        <translation>
            <numerusform>%n more hit not shown</numerusform>
            <numerusform>%n more hits not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) the model could not read (an empty key, a time that is no time) were skipped.</source>
        <translation>
            <numerusform>%n row the model could not read (an empty key, a time that is no time) were skipped.</numerusform>
            <numerusform>%n rows the model could not read (an empty key, a time that is no time) were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::BigDataWall</name>
    <message numerus="yes">
        <source>rows held in %n dataset(s)</source>
        <translation>
            <numerusform>rows held in %n dataset</numerusform>
            <numerusform>rows held in %n datasets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::DatasetPanel</name>
    <message numerus="yes">
        <source>%n row(s) from %1 (%2, %3), %4 set aside</source>
        <translation>
            <numerusform>%n row from %1 (%2, %3), %4 set aside</numerusform>
            <numerusform>%n rows from %1 (%2, %3), %4 set aside</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::DatasetService</name>
    <message numerus="yes">
        <source>The file has %n column(s); the mapping has %1.</source>
        <translation>
            <numerusform>The file has %n column; the mapping has %1.</numerusform>
            <numerusform>The file has %n columns; the mapping has %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No row of the file fits the mapping: nothing imported (%n row(s) set aside).</source>
        <translation>
            <numerusform>No row of the file fits the mapping: nothing imported (%n row set aside).</numerusform>
            <numerusform>No row of the file fits the mapping: nothing imported (%n rows set aside).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::HitPanel</name>
    <message numerus="yes">
        <source>%n identifier(s)</source>
        <translation>
            <numerusform>%n identifier</numerusform>
            <numerusform>%n identifiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::ImportDialog</name>
    <message numerus="yes">
        <source>JSON Lines, %1; %n column(s)</source>
        <translation>
            <numerusform>JSON Lines, %1; %n column</numerusform>
            <numerusform>JSON Lines, %1; %n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CSV, %1, delimiter %2, %3; %n column(s)</source>
        <translation>
            <numerusform>CSV, %1, delimiter %2, %3; %n column</numerusform>
            <numerusform>CSV, %1, delimiter %2, %3; %n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::ModelRun</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more identifier(s) left out as common</source>
        <translation>
            <numerusform>%n more identifier left out as common</numerusform>
            <numerusform>%n more identifiers left out as common</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) on %1 over %2 rows left out (too common to tell people apart)</source>
        <translation>
            <numerusform>%n block on %1 over %2 rows left out (too common to tell people apart)</numerusform>
            <numerusform>%n blocks on %1 over %2 rows left out (too common to tell people apart)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n row(s)</source>
        <translation>
            <numerusform>%1 %2: %n row</numerusform>
            <numerusform>%1 %2: %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) within %1 m of one another&apos;s place and time</source>
        <translation>
            <numerusform>%n record within %1 m of one another&apos;s place and time</numerusform>
            <numerusform>%n records within %1 m of one another&apos;s place and time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::RingGraph</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::RunDialog</name>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::bigdata::Text</name>
    <message numerus="yes">
        <source>%n hit(s) to review</source>
        <translation>
            <numerusform>%n hit to review</numerusform>
            <numerusform>%n hits to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CaseDesk</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CasePanel</name>
    <message numerus="yes">
        <source>%n limit(s) started for case %1.</source>
        <translation>
            <numerusform>%n limit started for case %1.</numerusform>
            <numerusform>%n limits started for case %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyDesk</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyService</name>
    <message numerus="yes">
        <source>%1 is full (%n person(s)).</source>
        <translation>
            <numerusform>%1 is full (%n person).</numerusform>
            <numerusform>%1 is full (%n people).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(late by %n minute(s))</source>
        <translation>
            <numerusform>(late by %n minute)</numerusform>
            <numerusform>(late by %n minutes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Interview ended after %n minute(s)</source>
        <translation>
            <numerusform>Interview ended after %n minute</numerusform>
            <numerusform>Interview ended after %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n minute(s))</source>
        <translation>
            <numerusform>(%n minute)</numerusform>
            <numerusform>(%n minutes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::CustodyWall</name>
    <message numerus="yes">
        <source>%n welfare check(s) missed: check now and record what was seen.</source>
        <translation>
            <numerusform>%n welfare check missed: check now and record what was seen.</numerusform>
            <numerusform>%n welfare checks missed: check now and record what was seen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::cases::GuidelinesDialog</name>
    <message numerus="yes">
        <source>%n guideline(s)</source>
        <translation>
            <numerusform>%n guideline</numerusform>
            <numerusform>%n guidelines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::InvestigationPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Opened by %4 on %5 · %n lead(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Opened by %4 on %5 · %n lead</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Opened by %4 on %5 · %n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened from %n lead(s); they join it.</source>
        <translation>
            <numerusform>Opened from %n lead; they join it.</numerusform>
            <numerusform>Opened from %n leads; they join it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The hub supervisor reviews it: one task per target (%n target(s)), each at its time after go.</source>
        <translation>
            <numerusform>The hub supervisor reviews it: one task per target (%n target), each at its time after go.</numerusform>
            <numerusform>The hub supervisor reviews it: one task per target (%n targets), each at its time after go.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) added.</source>
        <translation>
            <numerusform>%n target added.</numerusform>
            <numerusform>%n targets added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::InvestigationService</name>
    <message numerus="yes">
        <source>Cluster operation %1 proposed to the hub (%n target(s))</source>
        <translation>
            <numerusform>Cluster operation %1 proposed to the hub (%n target)</numerusform>
            <numerusform>Cluster operation %1 proposed to the hub (%n targets)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s): %1 by %2</source>
        <translation>
            <numerusform>%n target: %1 by %2</numerusform>
            <numerusform>%n targets: %1 by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) in investigation %1</source>
        <translation>
            <numerusform>%n target in investigation %1</numerusform>
            <numerusform>%n targets in investigation %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LeadDesk</name>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LeadPanel</name>
    <message numerus="yes">
        <source>Evidence: model %1 version %2, score %3, %n row(s) behind it (masked).</source>
        <translation>
            <numerusform>Evidence: model %1 version %2, score %3, %n row behind it .</numerusform>
            <numerusform>Evidence: model %1 version %2, score %3, %n rows behind it masked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::criminalintel::LinkChart</name>
    <message numerus="yes">
        <source>%n found: Enter adds the one selected.</source>
        <translation>
            <numerusform>%n found: Enter adds the one selected.</numerusform>
            <numerusform>%n found: Enter adds the one selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from elsewhere since the chart was opened, marked in orange.</source>
        <translation>
            <numerusform>%n change from elsewhere since the chart was opened, marked in orange.</numerusform>
            <numerusform>%n changes from elsewhere since the chart was opened, marked in orange.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The shortest path: %n link(s), drawn thick.</source>
        <translation>
            <numerusform>The shortest path: %n link, drawn thick.</numerusform>
            <numerusform>The shortest path: %n links, drawn thick.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) on the chart.</source>
        <translation>
            <numerusform>%n item on the chart.</numerusform>
            <numerusform>%n items on the chart.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), labels masked unless revealed; exported %1 by %2</source>
        <translation>
            <numerusform>%n item, labels masked unless revealed; exported %1 by %2</numerusform>
            <numerusform>%n items, labels masked unless revealed; exported %1 by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added, one step out.</source>
        <translation>
            <numerusform>%n item added, one step out.</numerusform>
            <numerusform>%n items added, one step out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added, %1 steps out.</source>
        <translation>
            <numerusform>%n item added, %1 steps out.</numerusform>
            <numerusform>%n items added, %1 steps out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::Dashboard</name>
    <message numerus="yes">
        <source>%n more categories</source>
        <translation>
            <numerusform>%n more category</numerusform>
            <numerusform>%n more categories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::IncidentBoard</name>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::IncidentPanel</name>
    <message numerus="yes">
        <source>%n camera(s) within 500 m, %1 of them looking at the place.</source>
        <translation>
            <numerusform>%n camera within 500 m, %1 of them looking at the place.</numerusform>
            <numerusform>%n cameras within 500 m, %1 of them looking at the place.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::MediaViewer</name>
    <message numerus="yes">
        <source>%1 x %2 pixels, %n frame(s), by %3. SHA-256 %4</source>
        <translation>
            <numerusform>%1 x %2 pixels, %n frame, by %3. SHA-256 %4</numerusform>
            <numerusform>%1 x %2 pixels, %n frames, by %3. SHA-256 %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::OperationPlanner</name>
    <message numerus="yes">
        <source>%n line(s) in the division.</source>
        <translation>
            <numerusform>%n line in the division.</numerusform>
            <numerusform>%n lines in the division.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::OperationsPanel</name>
    <message numerus="yes">
        <source>%n task(s) proposed</source>
        <translation>
            <numerusform>%n task proposed</numerusform>
            <numerusform>%n tasks proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); go proposed for %1</source>
        <translation>
            <numerusform>%n line; go proposed for %1</numerusform>
            <numerusform>%n lines; go proposed for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); no go time proposed: set it when approving</source>
        <translation>
            <numerusform>%n line; no go time proposed: set it when approving</numerusform>
            <numerusform>%n lines; no go time proposed: set it when approving</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of task division are planned at this go time, each at its time after go.</source>
        <translation>
            <numerusform>%n line of task division are planned at this go time, each at its time after go.</numerusform>
            <numerusform>%n lines of task division are planned at this go time, each at its time after go.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::hub::VideoPanel</name>
    <message numerus="yes">
        <source>%n camera(s) near incident %1; those that see it first.</source>
        <translation>
            <numerusform>%n camera near incident %1; those that see it first.</numerusform>
            <numerusform>%n cameras near incident %1; those that see it first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::shell</name>
    <message numerus="yes">
        <source>%n notification(s) to acknowledge</source>
        <translation>
            <numerusform>%n notification to acknowledge</numerusform>
            <numerusform>%n notifications to acknowledge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n waiting</source>
        <translation>
            <numerusform>%1, %n waiting</numerusform>
            <numerusform>%1, %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the server</source>
        <translation>
            <numerusform>%n change waiting for the server</numerusform>
            <numerusform>%n changes waiting for the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) within the hour</source>
        <translation>
            <numerusform>%n deadline within the hour</numerusform>
            <numerusform>%n deadlines within the hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more; the timelines and the boards have them all.</source>
        <translation>
            <numerusform>and %n more; the timelines and the boards have them all.</numerusform>
            <numerusform>and %n more; the timelines and the boards have them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them priority:</source>
        <translation>
            <numerusform>%n of them priority:</numerusform>
            <numerusform>%n of them priority:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events while this desk was closed</source>
        <translation>
            <numerusform>%n event while this desk was closed</numerusform>
            <numerusform>%n events while this desk was closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more running later</source>
        <translation>
            <numerusform>… and %n more running later</numerusform>
            <numerusform>… and %n more running later</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub::training</name>
    <message numerus="yes">
        <source>Written to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Written to %1 (%n page).</numerusform>
            <numerusform>Written to %1 (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexhub_widgets</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n row exported to %1</numerusform>
            <numerusform>%n rows exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Report saved: %1 (%n page(s))</source>
        <translation>
            <numerusform>Report saved: %1 (%n page)</numerusform>
            <numerusform>Report saved: %1 (%n pages)</numerusform>
        </translation>
    </message>
</context>
</TS>
