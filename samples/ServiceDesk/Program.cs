// The ServiceDesk sample: the runnable main job. It will simulate a service centre and report on it;
// for now it only proves that the packages load together.
Console.WriteLine("ServiceDesk sample: the simulation arrives with the sample issue.");
return 0;
