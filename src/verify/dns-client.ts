import { createSocket } from "node:dgram";
import { randomInt } from "node:crypto";
import { connect } from "node:net";
import * as packet from "dns-packet";

/** A DNS server to ask: an address (IPv4 or IPv6) and a port. */
export interface DnsServer {
  readonly address: string;
  readonly port: number;
}

/** What an authoritative server answered: its records as text, the referral's NS when it delegates the name. */
export interface DnsAnswer {
  readonly rcode: string;
  /** The answer section's records of the asked name and type, as text (see recordText). */
  readonly answers: readonly string[];
  /** NS records of the asked name in the authority section: a referral from the parent zone. */
  readonly referral: readonly string[];
}

const TIMEOUT_MS = 2000;
const TRIES = 3;
/** EDNS(0) buffer (RFC 6891), so a zone's TXT records fit in one UDP answer; a truncated one is asked again over TCP. */
const EDNS_PAYLOAD = 4096;

const name = (value: string) => value.replace(/\.$/, "").toLowerCase() || ".";

/** A record's data as verify compares it: names lower-case without the final dot, MX with its preference, TXT joined. */
export function recordText(answer: packet.Answer): string {
  switch (answer.type) {
    case "A":
    case "AAAA":
      return String(answer.data);
    case "CNAME":
    case "NS":
      return name(String(answer.data));
    case "MX":
      return `${answer.data.preference} ${name(answer.data.exchange)}`;
    case "TXT": {
      const data = answer.data as Buffer | string | (Buffer | string)[];
      return (Array.isArray(data) ? data : [data]).map((part) => part.toString()).join("");
    }
    case "CAA":
      return `${answer.data.flags ?? 0} ${answer.data.tag} "${answer.data.value}"`;
    default:
      return JSON.stringify("data" in answer ? answer.data : null);
  }
}

function query(server: DnsServer, question: packet.Question, tcp: boolean): Promise<packet.DecodedPacket> {
  const id = randomInt(65536);
  const message: packet.Packet = { type: "query", id, flags: 0, questions: [question], additionals: [{ type: "OPT", name: ".", udpPayloadSize: EDNS_PAYLOAD } as packet.Answer] };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error("no answer (timeout)")), TIMEOUT_MS);
    let close = () => {};
    const finish = (error: Error | undefined, response?: packet.DecodedPacket) => {
      clearTimeout(timer);
      close();
      if (error) reject(error);
      else resolve(response!);
    };
    if (tcp) {
      const socket = connect(server.port, server.address);
      close = () => socket.destroy();
      let received = Buffer.alloc(0);
      socket.on("error", (error) => finish(new Error(`no answer (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
      socket.on("data", (chunk) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) finish(undefined, packet.streamDecode(received) as packet.DecodedPacket);
      });
      socket.write(packet.streamEncode(message));
      return;
    }
    const socket = createSocket(server.address.includes(":") ? "udp6" : "udp4");
    close = () => socket.close();
    socket.on("error", (error) => finish(new Error(`no answer (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
    socket.on("message", (buffer) => {
      const response = packet.decode(buffer);
      if (response.id === id) finish(undefined, response);
    });
    socket.send(packet.encode(message), server.port, server.address);
  });
}

/**
 * Asks `server` for `fqdn`'s `type` records, without recursion (it is the zone's authoritative server): dns-packet
 * 5.6.1 encodes and decodes, over UDP with EDNS(0), then TCP when the answer is truncated (RFC 7766). A server
 * that does not answer is asked up to three times, 2 s each.
 */
export async function ask(server: DnsServer, fqdn: string, type: packet.RecordType): Promise<DnsAnswer> {
  const question: packet.Question = { type, name: fqdn, class: "IN" };
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    try {
      let response = await query(server, question, false);
      if (response.flag_tc) response = await query(server, question, true);
      const sameName = (answer: packet.Answer) => name(answer.name) === name(fqdn);
      return {
        rcode: (response as packet.DecodedPacket & { rcode?: string }).rcode ?? "NOERROR",
        answers: (response.answers ?? []).filter((answer) => answer.type === type && sameName(answer)).map(recordText),
        referral: (response.authorities ?? []).filter((answer) => answer.type === "NS" && sameName(answer)).map(recordText),
      };
    } catch (error) {
      lastError = error as Error;
    }
  }
  throw lastError!;
}
