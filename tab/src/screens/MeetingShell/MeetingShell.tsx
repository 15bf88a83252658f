import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList } from "@fluentui/react-components";
import type { MeetingState } from "@paragraf/shared";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { CommandsProvider } from "../../app/notices";
import { viewParam, type View } from "../../app/prefs";
import { useSession } from "../../app/session";
import { findLinkedMeeting, linkTeamsMeeting, teamsMeetingOf } from "../../app/teams-link";
import { useMeetingLive } from "../../app/use-meeting-live";
import { ErrorBoundary } from "../../components/ErrorBoundary/ErrorBoundary";
import { ErrorState } from "../../components/ErrorState/ErrorState";
import { MeetingHeader } from "../../components/MeetingHeader/MeetingHeader";
import { useStrings } from "../../i18n/i18n";
import type { LiveSnapshot, MeetingLive } from "../../live/meeting-live";
import { MeetingPicker } from "../MeetingPicker/MeetingPicker";
import { SidePanel } from "../SidePanel/SidePanel";
import { useMeetingShellStyles } from "./MeetingShell.styles";

const Stage = lazy(() => import("../Stage/Stage").then((m) => ({ default: m.Stage })));
const AgendaBuilder = lazy(() => import("../AgendaBuilder/AgendaBuilder").then((m) => ({ default: m.AgendaBuilder })));
const AfterMeeting = lazy(() => import("../AfterMeeting/AfterMeeting").then((m) => ({ default: m.AfterMeeting })));
const BodySettings = lazy(() => import("../BodySettings/BodySettings").then((m) => ({ default: m.BodySettings })));

/** What every meeting view gets: the folded meeting, the live snapshot and the live connection. */
export interface MeetingViewProps {
  meeting: MeetingState;
  snapshot: LiveSnapshot;
  live: MeetingLive;
}

/**
 * The meeting pages: picks the meeting and the view for the Teams frame. The meeting comes from the
 * address (`?meeting=`), else from the link of the Teams meeting chat the tab runs in, else from a list;
 * in a Teams meeting that is not linked yet the list says so, and picking a meeting there links it.
 */
export function MeetingShell(props: { stageOnly: boolean }) {
  const styles = useMeetingShellStyles();
  const { t } = useStrings();
  const { api, teams } = useSession();
  const params = new URLSearchParams(location.search);
  const [meetingId, setMeetingId] = useState(params.get("meeting") ?? undefined);
  const inTeamsMeeting = teamsMeetingOf(teams) !== undefined;
  const [lookup, setLookup] = useState<{ phase: "looking" | "notLinked" | "done" } | { phase: "error"; error: unknown }>({ phase: meetingId || !inTeamsMeeting ? "done" : "looking" });
  const pick = useCallback((id: string) => {
    const url = new URL(location.href);
    url.searchParams.set("meeting", id);
    history.replaceState(null, "", url);
    setMeetingId(id);
  }, []);
  const findLink = useCallback(() => {
    setLookup({ phase: "looking" });
    findLinkedMeeting(api, teams).then(
      (link) => {
        if (link) pick(link.meetingId);
        setLookup({ phase: link ? "done" : "notLinked" });
      },
      (error: unknown) => setLookup({ phase: "error", error }),
    );
  }, [api, teams, pick]);
  // Looked up once, on the first render without a meeting; a later pick sets the meeting itself.
  const looked = useRef(false);
  useEffect(() => {
    if (looked.current || meetingId || !inTeamsMeeting) return;
    looked.current = true;
    findLink();
  }, [meetingId, inTeamsMeeting, findLink]);
  // The meeting opens whether or not the link could be saved (members may not link; the configuration page can link later).
  const pickAndLink = useCallback((id: string) => {
    linkTeamsMeeting(api, teams, id).catch(() => false).finally(() => pick(id));
  }, [api, teams, pick]);

  if (lookup.phase === "looking") return <div className={styles.centre}><Spinner label={t.teamsLink.finding} /></div>;
  if (lookup.phase === "error") return <ErrorState error={lookup.error} onRetry={findLink} />;
  if (!meetingId) {
    const notLinked = lookup.phase === "notLinked";
    return (
      <>
        {notLinked && (
          <MessageBar intent="info" layout="multiline" data-testid="not-linked" className={styles.notice}>
            <MessageBarBody><MessageBarTitle>{t.teamsLink.notLinkedTitle}</MessageBarTitle>{t.teamsLink.notLinked}</MessageBarBody>
          </MessageBar>
        )}
        <MeetingPicker bodyId={params.get("body") ?? undefined} onPick={notLinked ? pickAndLink : pick} autoOpen={!notLinked} />
      </>
    );
  }
  return <MeetingView meetingId={meetingId} stageOnly={props.stageOnly} />;
}

function defaultView(frame: string | undefined, meeting: MeetingState): View {
  if (frame === "sidePanel") return "panel";
  if (frame === "meetingStage") return "stage";
  if (!frame || meeting.status === "open") return "panel";
  return meeting.status === "planned" ? "builder" : "after";
}

function MeetingView(props: { meetingId: string; stageOnly: boolean }) {
  const styles = useMeetingShellStyles();
  const { t } = useStrings();
  const session = useSession();
  const { snapshot, live } = useMeetingLive(props.meetingId);
  const frame = session.teams?.frameContext;
  const [view, setView] = useState<View | undefined>(viewParam(new URLSearchParams(location.search)));

  if (snapshot.phase === "loading") return <div className={styles.centre}><Spinner label={t.loading} /></div>;
  if (snapshot.phase === "error" || !snapshot.meeting) return <ErrorState error={snapshot.error} onRetry={() => void live.start()} />;
  const meeting = snapshot.meeting;
  const viewProps: MeetingViewProps = { meeting, snapshot, live };
  if (props.stageOnly || frame === "meetingStage") {
    return <Suspense fallback={<Spinner />}><Stage {...viewProps} /></Suspense>;
  }
  // The Teams side panel offers the panel and the agenda (for changes during the meeting); other frames offer every view.
  const views: readonly View[] = frame === "sidePanel" ? ["panel", "builder"] : ["panel", "builder", "after", "stage", "body"];
  const chosen = view ?? defaultView(frame, meeting);
  const current = views.includes(chosen) ? chosen : "panel";
  const choose = (v: View) => {
    const url = new URL(location.href);
    url.searchParams.set("view", v);
    history.replaceState(null, "", url);
    setView(v);
  };
  return (
    <CommandsProvider live={live}>
      <div className={styles.root}>
        <MeetingHeader meeting={meeting} online={snapshot.online} roles={snapshot.roles} />
        <TabList className={styles.tabs} selectedValue={current} onTabSelect={(_e, d) => choose(d.value as View)} size="small">
          {views.map((v) => <Tab key={v} value={v}>{t.views[v]}</Tab>)}
        </TabList>
        <div className={styles.body}>
          <ErrorBoundary key={current}>
            <Suspense fallback={<div className={styles.centre}><Spinner label={t.loading} /></div>}>
              {current === "panel" && <SidePanel {...viewProps} />}
              {current === "builder" && <AgendaBuilder {...viewProps} />}
              {current === "after" && <AfterMeeting {...viewProps} />}
              {current === "stage" && <Stage {...viewProps} />}
              {current === "body" && <BodySettings bodyId={meeting.bodyId} />}
            </Suspense>
          </ErrorBoundary>
        </div>
      </div>
    </CommandsProvider>
  );
}
