/** Two short beeps at A5: high enough to cut through a vehicle's noise, short enough not to grate. */
const TONE_HZ = 880;
const BEEP_STARTS_S = [0, 0.22];
const BEEP_LENGTH_S = 0.16;
const PEAK_GAIN = 0.25;
/** A gain ramp cannot reach zero; this is silence to the ear. */
const SILENT_GAIN = 0.0001;

// One context for the page: browsers cap how many a page may open, and let one that was first
// resumed by a click play later without another.
let context: AudioContext | null = null;

/** Plays the critical-alert tone, made here with the Web Audio API so Outpost ships no sound file. Silent where the page has no audio. */
export function playAlertTone(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const audio = context;
  // A context created before any click starts suspended; resuming it may be refused until one, which costs only this tone.
  audio.resume().catch(() => undefined);
  const now = audio.currentTime;
  for (const offset of BEEP_STARTS_S) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = TONE_HZ;
    gain.gain.setValueAtTime(SILENT_GAIN, now + offset);
    gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, now + offset + 0.01);
    gain.gain.exponentialRampToValueAtTime(SILENT_GAIN, now + offset + BEEP_LENGTH_S);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(now + offset);
    oscillator.stop(now + offset + BEEP_LENGTH_S);
  }
}
