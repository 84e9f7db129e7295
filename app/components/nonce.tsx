// The Content-Security-Policy nonce of the page being rendered: the server sets it per response
// (app/server/http.ts) and the inline scripts Remix writes carry it. Browsers hide it from script,
// so in the browser it reads as empty, which is what hydration expects.
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
