import { AFFILIATIONS, DIMENSIONS } from '../cot-type';
import type { Track } from '../domain';

/**
 * What an expression reads. A track fits as it is; the rules engine adapts each decoded
 * record to these fields, so the list stays as short as the catalogue needs.
 */
export type ExpressionSubject = Readonly<
  Pick<Track, 'uid' | 'callsign' | 'cotType' | 'affiliation' | 'dimension' | 'lat' | 'lon' | 'hae' | 'course' | 'speed' | 'time' | 'stale' | 'source' | 'topic'>
>;

/** `now` is epoch milliseconds, so fields such as `age` need no clock of their own. */
export type FieldReader<T> = (subject: ExpressionSubject, now: number) => T;

interface FieldBasics {
  /** Lower case; expressions may spell it in any case. */
  readonly name: string;
  /** One line for the editor's help. */
  readonly description: string;
  /** Other names an analyst may reach for, offered as "did you mean" when typed. */
  readonly alsoKnownAs: readonly string[];
  /** True when the value is null while it is unknown. */
  readonly nullable: boolean;
}

export interface NumberField extends FieldBasics {
  readonly type: 'number';
  readonly unit: string;
  readonly read: FieldReader<number | null>;
}

export interface StringField extends FieldBasics {
  readonly type: 'string';
  /** How `~=` reads a pattern: CoT atoms from the start, or text anywhere ignoring case. */
  readonly matching: 'cot-type' | 'text';
  readonly read: FieldReader<string | null>;
}

export interface EnumField extends FieldBasics {
  readonly type: 'enum';
  readonly values: readonly string[];
  readonly read: FieldReader<string>;
}

export interface BooleanField extends FieldBasics {
  readonly type: 'boolean';
  readonly read: FieldReader<boolean>;
}

export type ExpressionField = NumberField | StringField | EnumField | BooleanField;

const FEET_PER_METRE = 1 / 0.3048;
const KNOTS_PER_METRE_PER_SECOND = 3_600 / 1_852;
const KMH_PER_METRE_PER_SECOND = 3.6;

const scaled = (value: number | null, factor: number): number | null => (value === null ? null : value * factor);

/** Every field an expression may name, in the order the editor's help lists them. */
export const EXPRESSION_FIELDS: readonly ExpressionField[] = [
  {
    name: 'uid',
    type: 'string',
    matching: 'text',
    nullable: false,
    alsoKnownAs: ['id'],
    description: 'The unique id of the entity.',
    read: (subject) => subject.uid,
  },
  {
    name: 'callsign',
    type: 'string',
    matching: 'text',
    nullable: true,
    alsoKnownAs: ['name', 'call_sign'],
    description: 'The callsign, or null when the feed gives none.',
    read: (subject) => subject.callsign,
  },
  {
    name: 'type',
    type: 'string',
    matching: 'cot-type',
    nullable: false,
    alsoKnownAs: ['cot', 'cottype', 'cot_type'],
    description: 'The CoT type, such as a-h-A-M-F; ~= matches it atom by atom from the start, * standing for any one atom.',
    read: (subject) => subject.cotType,
  },
  {
    name: 'affiliation',
    type: 'enum',
    values: AFFILIATIONS,
    nullable: false,
    alsoKnownAs: ['identity', 'side'],
    description: 'Friend, hostile, neutral or unknown, read from the CoT type; suspect, joker and faker count as hostile.',
    read: (subject) => subject.affiliation,
  },
  {
    name: 'dimension',
    type: 'enum',
    values: DIMENSIONS,
    nullable: false,
    alsoKnownAs: ['domain', 'battle_dimension'],
    description: 'The battle dimension read from the CoT type: ground, air, sea-surface, subsurface, space or other.',
    read: (subject) => subject.dimension,
  },
  {
    name: 'lat',
    type: 'number',
    unit: 'degrees',
    nullable: false,
    alsoKnownAs: ['latitude'],
    description: 'Latitude, WGS-84, north positive.',
    read: (subject) => subject.lat,
  },
  {
    name: 'lon',
    type: 'number',
    unit: 'degrees',
    nullable: false,
    alsoKnownAs: ['longitude', 'lng', 'long'],
    description: 'Longitude, WGS-84, east positive.',
    read: (subject) => subject.lon,
  },
  {
    name: 'alt',
    type: 'number',
    unit: 'm',
    nullable: true,
    alsoKnownAs: ['altitude', 'hae', 'height'],
    description: 'Height above the WGS-84 ellipsoid in metres, or null when unknown.',
    read: (subject) => subject.hae,
  },
  {
    name: 'alt_ft',
    type: 'number',
    unit: 'ft',
    nullable: true,
    alsoKnownAs: ['altitude_ft', 'alt_feet'],
    description: 'Height above the WGS-84 ellipsoid in feet, or null when unknown.',
    read: (subject) => scaled(subject.hae, FEET_PER_METRE),
  },
  {
    name: 'speed',
    type: 'number',
    unit: 'm/s',
    nullable: true,
    alsoKnownAs: ['velocity', 'sog'],
    description: 'Speed over ground in metres per second, or null when unknown; speed_kn and speed_kmh give it in other units.',
    read: (subject) => subject.speed,
  },
  {
    name: 'speed_kn',
    type: 'number',
    unit: 'kn',
    nullable: true,
    alsoKnownAs: ['knots', 'speed_knots', 'speed_kt', 'speed_kts'],
    description: 'Speed over ground in knots, or null when unknown.',
    read: (subject) => scaled(subject.speed, KNOTS_PER_METRE_PER_SECOND),
  },
  {
    name: 'speed_kmh',
    type: 'number',
    unit: 'km/h',
    nullable: true,
    alsoKnownAs: ['kmh', 'speed_kph'],
    description: 'Speed over ground in kilometres per hour, or null when unknown.',
    read: (subject) => scaled(subject.speed, KMH_PER_METRE_PER_SECOND),
  },
  {
    name: 'course',
    type: 'number',
    unit: 'degrees',
    nullable: true,
    alsoKnownAs: ['heading', 'cog', 'bearing'],
    description: 'Course over ground in degrees clockwise from true north, or null when unknown.',
    read: (subject) => subject.course,
  },
  {
    name: 'age',
    type: 'number',
    unit: 's',
    nullable: false,
    alsoKnownAs: ['time'],
    description: 'Seconds since the fix was taken, at the moment the expression is evaluated.',
    read: (subject, now) => (now - subject.time) / 1_000,
  },
  {
    name: 'stale',
    type: 'boolean',
    nullable: false,
    alsoKnownAs: ['expired'],
    description: 'True once the time the fix goes stale has passed; false when the fix gives no stale time.',
    read: (subject, now) => subject.stale !== null && subject.stale <= now,
  },
  {
    name: 'topic',
    type: 'string',
    matching: 'text',
    nullable: false,
    alsoKnownAs: ['kafka_topic'],
    description: 'The Kafka topic the record came from.',
    read: (subject) => subject.topic,
  },
  {
    name: 'source',
    type: 'string',
    matching: 'text',
    nullable: false,
    alsoKnownAs: ['feed', 'profile', 'connection'],
    description: 'The feed the record came from: demo, or the id of the connection profile.',
    read: (subject) => subject.source,
  },
];

const fieldsByName = new Map(EXPRESSION_FIELDS.map((field) => [field.name, field]));

/** The field an expression names, in any case; undefined when there is none. */
export function findField(name: string): ExpressionField | undefined {
  return fieldsByName.get(name.toLowerCase());
}
