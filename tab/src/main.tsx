import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { boot } from "./app/boot";

// Sign-in starts before the first render, so the first API calls overlap React's start-up.
const booting = boot(new URLSearchParams(location.search));
booting.catch(() => undefined);
createRoot(document.getElementById("root")!).render(<App booting={booting} />);
