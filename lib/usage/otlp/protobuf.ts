import type { TOtlpAttributes, TOtlpResourceSpans, TOtlpSpan } from "@/lib/usage/otlp/model";

/**
 * Just enough of the protobuf wire format to read an OTLP `ExportTraceServiceRequest`
 * (opentelemetry/proto/collector/trace/v1) and write its response. Hand-written rather than
 * generated: we read six message types and a few fields of each, and every read is bounds-checked,
 * so a hostile body fails with a ProtobufError instead of reading past its end. Field numbers are
 * those of opentelemetry-proto's trace.proto / common.proto / resource.proto.
 */

export class ProtobufError extends Error {}

const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

class Reader {
  pos: number;
  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtobufError("truncated varint");
      const byte = this.buf[this.pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
    throw new ProtobufError("varint longer than 10 bytes");
  }

  length(): number {
    const value = this.varint();
    if (value > BigInt(this.end - this.pos)) throw new ProtobufError("length runs past the end of the message");
    return Number(value);
  }

  fixed64(): bigint {
    if (this.pos + 8 > this.end) throw new ProtobufError("truncated fixed64");
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getBigUint64(0, true);
  }

  bytes(): Uint8Array {
    const n = this.length();
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  sub(): Reader {
    const n = this.length();
    const reader = new Reader(this.buf, this.pos, this.pos + n);
    this.pos += n;
    return reader;
  }

  tag(): { field: number; wire: number } {
    const tag = this.varint();
    const field = Number(tag >> 3n);
    if (field === 0) throw new ProtobufError("field number 0");
    return { field, wire: Number(tag & 7n) };
  }

  skip(wire: number): void {
    if (wire === WIRE.varint) this.varint();
    else if (wire === WIRE.fixed64) this.advance(8);
    else if (wire === WIRE.bytes) this.advance(this.length());
    else if (wire === WIRE.fixed32) this.advance(4);
    else throw new ProtobufError(`unsupported wire type ${wire}`);
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new ProtobufError("field runs past the end of the message");
    this.pos += n;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(reader: Reader): string {
  try {
    return utf8.decode(reader.bytes());
  } catch {
    throw new ProtobufError("a string field is not UTF-8");
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function expect(wire: number, wanted: number, what: string): void {
  if (wire !== wanted) throw new ProtobufError(`${what} has wire type ${wire}, expected ${wanted}`);
}

/** AnyValue: only scalars matter to us; arrays, maps and bytes are skipped (attributes we never read). */
function anyValue(reader: Reader): string | number | boolean | undefined {
  let value: string | number | boolean | undefined;
  while (!reader.done()) {
    const { field, wire } = reader.tag();
    if (field === 1 && wire === WIRE.bytes) value = text(reader);
    else if (field === 2 && wire === WIRE.varint) value = reader.varint() !== 0n;
    else if (field === 3 && wire === WIRE.varint) value = Number(BigInt.asIntN(64, reader.varint()));
    else if (field === 4 && wire === WIRE.fixed64) value = new DataView(new BigUint64Array([reader.fixed64()]).buffer).getFloat64(0, true);
    else reader.skip(wire);
  }
  return value;
}

function keyValue(reader: Reader, into: TOtlpAttributes): void {
  let key: string | undefined;
  let value: string | number | boolean | undefined;
  while (!reader.done()) {
    const { field, wire } = reader.tag();
    if (field === 1) {
      expect(wire, WIRE.bytes, "KeyValue.key");
      key = text(reader);
    } else if (field === 2) {
      expect(wire, WIRE.bytes, "KeyValue.value");
      value = anyValue(reader.sub());
    } else reader.skip(wire);
  }
  if (key !== undefined && value !== undefined) into[key] = value;
}

function span(reader: Reader): TOtlpSpan {
  const out: TOtlpSpan = { traceId: "", spanId: "", name: "", startTimeUnixNano: 0n, statusCode: 0, attributes: {} };
  while (!reader.done()) {
    const { field, wire } = reader.tag();
    if (field === 1 && wire === WIRE.bytes) out.traceId = hex(reader.bytes());
    else if (field === 2 && wire === WIRE.bytes) out.spanId = hex(reader.bytes());
    else if (field === 4 && wire === WIRE.bytes) {
      const parent = reader.bytes();
      if (parent.length > 0) out.parentSpanId = hex(parent);
    } else if (field === 5 && wire === WIRE.bytes) out.name = text(reader);
    else if (field === 7 && wire === WIRE.fixed64) out.startTimeUnixNano = reader.fixed64();
    else if (field === 9 && wire === WIRE.bytes) keyValue(reader.sub(), out.attributes);
    else if (field === 15 && wire === WIRE.bytes) {
      const status = reader.sub();
      while (!status.done()) {
        const t = status.tag();
        if (t.field === 3 && t.wire === WIRE.varint) out.statusCode = Number(status.varint());
        else status.skip(t.wire);
      }
    } else reader.skip(wire);
  }
  return out;
}

function attributesOf(reader: Reader): TOtlpAttributes {
  const out: TOtlpAttributes = {};
  while (!reader.done()) {
    const { field, wire } = reader.tag();
    if (field === 1 && wire === WIRE.bytes) keyValue(reader.sub(), out);
    else reader.skip(wire);
  }
  return out;
}

export function decodeTraceRequest(bytes: Uint8Array): TOtlpResourceSpans[] {
  const reader = new Reader(bytes);
  const out: TOtlpResourceSpans[] = [];
  while (!reader.done()) {
    const { field, wire } = reader.tag();
    if (field !== 1) {
      reader.skip(wire);
      continue;
    }
    expect(wire, WIRE.bytes, "resource_spans");
    const rs = reader.sub();
    const entry: TOtlpResourceSpans = { resource: {}, spans: [] };
    while (!rs.done()) {
      const t = rs.tag();
      if (t.field === 1 && t.wire === WIRE.bytes) entry.resource = attributesOf(rs.sub());
      else if (t.field === 2 && t.wire === WIRE.bytes) {
        const scope = rs.sub();
        while (!scope.done()) {
          const s = scope.tag();
          if (s.field === 2 && s.wire === WIRE.bytes) entry.spans.push(span(scope.sub()));
          else scope.skip(s.wire);
        }
      } else rs.skip(t.wire);
    }
    out.push(entry);
  }
  return out;
}

function varintBytes(value: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(64, value);
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

/** ExportTraceServiceResponse { partial_success = 1 { rejected_spans = 1; error_message = 2 } }. */
export function encodeTraceResponse(partial?: { rejectedSpans: number; errorMessage: string }): Uint8Array {
  if (!partial) return new Uint8Array(0);
  const message = Buffer.from(partial.errorMessage, "utf8");
  const inner = [...(partial.rejectedSpans > 0 ? [0x08, ...varintBytes(BigInt(partial.rejectedSpans))] : []), ...(message.length ? [0x12, ...varintBytes(BigInt(message.length)), ...message] : [])];
  return Uint8Array.from([0x0a, ...varintBytes(BigInt(inner.length)), ...inner]);
}
